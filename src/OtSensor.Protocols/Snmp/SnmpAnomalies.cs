namespace OtSensor.Protocols.Snmp;

/// <summary>What was wrong with one SNMP message. Several bits can be set; the message is still emitted.</summary>
/// <remarks>Bit names are stable: they are written to <c>events.jsonl</c> through <see cref="SnmpNames.Anomaly"/>.</remarks>
[Flags]
public enum SnmpAnomalies : ulong
{
    None = 0,

    /// <summary>The BER structure breaks: truncated, lying or indefinite lengths, or a missing field.</summary>
    Malformed = 1UL << 0,

    /// <summary>Version other than 0 (v1), 1 (v2c) or 3 (v3).</summary>
    UnknownVersion = 1UL << 1,

    /// <summary>A PDU tag outside [0]..[8], or a v1-only/v2-only PDU in the other version.</summary>
    UnknownPduType = 1UL << 2,

    /// <summary>Bytes after the message's outer SEQUENCE.</summary>
    TrailingBytes = 1UL << 3,

    /// <summary>More variable bindings than <see cref="SnmpConstants.MaxVarbinds"/>.</summary>
    TooManyVarbinds = 1UL << 4,

    /// <summary>An OBJECT IDENTIFIER whose sub-identifiers do not decode (continuation at the end, over 32 bits).</summary>
    BadOid = 1UL << 5,
}
