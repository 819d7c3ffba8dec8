namespace OtSensor.Protocols.Bacnet;

/// <summary>Application tag numbers (ANSI/ASHRAE 135 §20.2.1.4).</summary>
public enum BacnetApplicationTag : byte
{
    Null = 0,
    Boolean = 1,
    Unsigned = 2,
    Signed = 3,
    Real = 4,
    Double = 5,
    OctetString = 6,
    CharacterString = 7,
    BitString = 8,
    Enumerated = 9,
    Date = 10,
    Time = 11,
    ObjectIdentifier = 12,
}
