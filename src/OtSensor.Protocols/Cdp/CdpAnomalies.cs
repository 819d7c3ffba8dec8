namespace OtSensor.Protocols.Cdp;

/// <summary>What was wrong with one CDP frame. Several bits can be set; the message is still emitted.</summary>
/// <remarks>Bit names are stable: they are written to <c>events.jsonl</c> through <see cref="CdpNames.Anomaly"/>.</remarks>
[Flags]
public enum CdpAnomalies : ulong
{
    None = 0,

    /// <summary>Shorter than the SNAP header and the 4-byte CDP header.</summary>
    Truncated = 1UL << 0,

    /// <summary>A TLV length below 4 or past the end of the frame.</summary>
    BadTlvLength = 1UL << 1,

    /// <summary>Version other than 1 or 2.</summary>
    UnknownVersion = 1UL << 2,

    /// <summary>An address entry that runs past its TLV.</summary>
    BadAddress = 1UL << 3,

    /// <summary>The TLV walk hit <see cref="CdpConstants.MaxTlvs"/>.</summary>
    TooManyTlvs = 1UL << 4,
}
