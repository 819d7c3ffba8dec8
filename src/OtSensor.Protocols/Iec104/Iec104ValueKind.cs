namespace OtSensor.Protocols.Iec104;

/// <summary>How the information element of a type id is decoded (IEC 60870-5-101 §7.2.6).</summary>
public enum Iec104ValueKind : byte
{
    /// <summary>Reserved or private type id: the object size is unknown, the ASDU body is kept raw.</summary>
    Unknown = 0,

    /// <summary>Element kept raw (protection events, packed points, file transfer, test patterns).</summary>
    Raw,

    /// <summary>No element beyond the address (and a time tag, for clock synchronisation).</summary>
    None,

    /// <summary>SIQ (§7.2.6.1): SPI in bit 0, quality bits 4–7.</summary>
    SinglePoint,

    /// <summary>DIQ (§7.2.6.2): DPI in bits 0–1, quality bits 4–7.</summary>
    DoublePoint,

    /// <summary>VTI (§7.2.6.5): 7-bit signed value, transient bit 7; then QDS.</summary>
    StepPosition,

    /// <summary>BSI (§7.2.6.13): 32 bits; then QDS for monitor types.</summary>
    Bitstring,

    /// <summary>NVA (§7.2.6.6): signed 16-bit fraction of 1; then QDS, QOS or QPM when present.</summary>
    Normalized,

    /// <summary>SVA (§7.2.6.7): signed 16-bit integer; then QDS, QOS or QPM.</summary>
    Scaled,

    /// <summary>IEEE STD 754 short float (§7.2.6.8); then QDS, QOS or QPM.</summary>
    Float,

    /// <summary>BCR (§7.2.6.9): signed 32-bit counter and a sequence/quality octet.</summary>
    Counter,

    /// <summary>SCO (§7.2.6.15): state in bit 0, qualifier bits 2–6, select/execute bit 7.</summary>
    SingleCommand,

    /// <summary>DCO or RCO (§7.2.6.16–17): state in bits 0–1, qualifier bits 2–6, select/execute bit 7.</summary>
    DoubleCommand,

    /// <summary>One qualifier octet (COI, QOI, QCC, QRP, QPA): the value is the octet.</summary>
    Qualifier,
}
