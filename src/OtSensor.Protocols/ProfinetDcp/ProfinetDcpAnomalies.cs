namespace OtSensor.Protocols.ProfinetDcp;

/// <summary>What was wrong with one DCP PDU. Several bits can be set; the record is still emitted.</summary>
/// <remarks>Bit names are stable: they are written to <c>events.jsonl</c> through <see cref="ProfinetDcpNames.Anomaly"/>.</remarks>
[Flags]
public enum ProfinetDcpAnomalies : ulong
{
    None = 0,

    /// <summary>Fewer than the 10 header octets after the FrameID.</summary>
    Truncated = 1UL << 0,

    /// <summary>DCPDataLength runs past the end of the frame.</summary>
    DataLengthBeyondFrame = 1UL << 1,

    /// <summary>A block header or DCPBlockLength runs past DCPDataLength.</summary>
    BlockTruncated = 1UL << 2,

    /// <summary>ServiceID other than Get, Set, Identify, Hello.</summary>
    UnknownService = 1UL << 3,

    /// <summary>ServiceType with reserved bits set, or a response type on a service that has none (Hello).</summary>
    BadServiceType = 1UL << 4,

    /// <summary>The service does not belong to the FrameID (e.g. Identify on 0xFEFD, Get on 0xFEFE).</summary>
    FrameIdMismatch = 1UL << 5,

    /// <summary>A block shorter than the fixed value size of its option (e.g. IP parameter under 12 octets).</summary>
    BlockTooShort = 1UL << 6,

    /// <summary>An option outside 1–6 and 0xFF, or a suboption not defined for its option.</summary>
    UnknownOption = 1UL << 7,

    /// <summary>More than <see cref="ProfinetDcpConstants.MaxBlocks"/> blocks: the rest is not decoded.</summary>
    BlockLimitExceeded = 1UL << 8,

    /// <summary>A NameOfStation that is not DNS-compatible (IEC 61158-6-10: a–z, 0–9, '-', '.', at most 240 octets).</summary>
    NameNotDnsCompatible = 1UL << 9,
}
