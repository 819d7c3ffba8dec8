namespace OtSensor.Protocols.Lldp;

/// <summary>What was wrong with one LLDPDU. Several bits can be set; the message is still emitted.</summary>
/// <remarks>Bit names are stable: they are written to <c>events.jsonl</c> through <see cref="LldpNames.Anomaly"/>.</remarks>
[Flags]
public enum LldpAnomalies : ulong
{
    None = 0,

    /// <summary>A TLV's length runs past the end of the frame.</summary>
    TlvTruncated = 1UL << 0,

    /// <summary>The LLDPDU does not start with Chassis ID, Port ID and TTL in that order (§8.2).</summary>
    MissingMandatory = 1UL << 1,

    /// <summary>No End of LLDPDU TLV before the frame ends.</summary>
    MissingEnd = 1UL << 2,

    /// <summary>A TLV shorter or longer than its type allows (TTL ≠ 2, chassis/port ID outside 2..256, capabilities ≠ 4).</summary>
    BadTlvLength = 1UL << 3,

    /// <summary>A mandatory or single-instance TLV appears twice.</summary>
    DuplicateTlv = 1UL << 4,

    /// <summary>The TLV walk hit <see cref="LldpConstants.MaxTlvs"/>.</summary>
    TooManyTlvs = 1UL << 5,
}
