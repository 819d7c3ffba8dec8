namespace OtSensor.Protocols.ProfinetCm;

/// <summary>Connectionless DCE/RPC packet types (DCE 1.1 RPC, C706 §12.5.3.2 PTYPE).</summary>
public enum PnioCmPacketType : byte
{
    Request = 0,
    Ping = 1,
    Response = 2,
    Fault = 3,
    Working = 4,
    NoCall = 5,
    Reject = 6,
    Ack = 7,
    ClCancel = 8,
    Fack = 9,
    CancelAck = 10,
}
