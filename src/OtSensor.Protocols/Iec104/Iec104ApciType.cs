namespace OtSensor.Protocols.Iec104;

/// <summary>Format of an APDU, from the low bits of control octet 1 (IEC 60870-5-104 §5.1–§5.3).</summary>
/// <remarks>Values follow tshark's <c>iec60870_104.type</c> (0 = I, 1 = S, 3 = U).</remarks>
public enum Iec104ApciType : byte
{
    /// <summary>Numbered information transfer: carries an ASDU, N(S) and N(R).</summary>
    I = 0,

    /// <summary>Numbered supervisory: acknowledges with N(R) only.</summary>
    S = 1,

    /// <summary>Unnumbered control: STARTDT, STOPDT, TESTFR.</summary>
    U = 3,
}
