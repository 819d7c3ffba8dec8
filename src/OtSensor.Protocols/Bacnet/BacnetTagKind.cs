namespace OtSensor.Protocols.Bacnet;

/// <summary>What one tag is (ANSI/ASHRAE 135 §20.2.1): a primitive value, or the opening/closing of a constructed context tag.</summary>
public enum BacnetTagKind : byte
{
    Primitive = 0,
    Opening = 1,
    Closing = 2,
}
