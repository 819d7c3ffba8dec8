namespace OtSensor.Protocols.Bacnet;

/// <summary>APDU type, the high nibble of the first APDU octet (ANSI/ASHRAE 135 §20.1.1).</summary>
public enum BacnetPduType : byte
{
    ConfirmedRequest = 0,
    UnconfirmedRequest = 1,
    SimpleAck = 2,
    ComplexAck = 3,
    SegmentAck = 4,
    Error = 5,
    Reject = 6,
    Abort = 7,
}
