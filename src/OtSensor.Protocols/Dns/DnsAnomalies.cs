namespace OtSensor.Protocols.Dns;

/// <summary>What was wrong with one DNS, LLMNR or mDNS message. Several bits can be set; the message is still emitted.</summary>
/// <remarks>Bit names are stable: they are written to <c>events.jsonl</c> through <see cref="DnsNames.Anomaly"/>.</remarks>
[Flags]
public enum DnsAnomalies : ulong
{
    None = 0,

    /// <summary>Shorter than the 12-byte header (RFC 1035 §4.1.1).</summary>
    Truncated = 1UL << 0,

    /// <summary>A question or record ends past the message: the counts promise more than is there.</summary>
    RecordTruncated = 1UL << 1,

    /// <summary>A compression pointer that points at or after the run it ends (a loop or forward reference), or too many hops.</summary>
    CompressionLoop = 1UL << 2,

    /// <summary>A name longer than 255 octets (RFC 1035 §3.1).</summary>
    NameTooLong = 1UL << 3,

    /// <summary>A label type other than a length (00) or a pointer (11) (RFC 6891 §5 retired the others).</summary>
    BadLabelType = 1UL << 4,

    /// <summary>Bytes after the last record the counts announce.</summary>
    TrailingBytes = 1UL << 5,

    /// <summary>More questions or records than <see cref="DnsConstants.MaxQuestions"/>/<see cref="DnsConstants.MaxRecords"/>: the rest are not walked.</summary>
    TooManyRecords = 1UL << 6,

    /// <summary>The Z bit (RFC 1035 §4.1.1, must be zero) is set.</summary>
    ReservedBitSet = 1UL << 7,

    /// <summary>Opcode with no assigned meaning (3, 7–15).</summary>
    UnknownOpcode = 1UL << 8,

    /// <summary>An A or AAAA record whose data is not 4 or 16 bytes.</summary>
    BadAddressLength = 1UL << 9,

    /// <summary>A query (QR 0) with answers, or a non-zero RCODE in a query.</summary>
    QueryWithAnswers = 1UL << 10,

    /// <summary>TCP: the two-byte length is below the 12-byte header.</summary>
    BadTcpLength = 1UL << 11,
}
