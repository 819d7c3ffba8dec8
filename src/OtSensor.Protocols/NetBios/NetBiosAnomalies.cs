namespace OtSensor.Protocols.NetBios;

/// <summary>What was wrong with one NetBIOS name service or datagram message. Several bits can be set.</summary>
/// <remarks>Bit names are stable: they are written to <c>events.jsonl</c> through <see cref="NetBiosNames.Anomaly"/>.</remarks>
[Flags]
public enum NetBiosAnomalies : ulong
{
    None = 0,

    /// <summary>Shorter than its fixed header.</summary>
    Truncated = 1UL << 0,

    /// <summary>The name service message breaks the DNS-format rules (see the <c>dns</c> anomaly names in details).</summary>
    MalformedNameService = 1UL << 1,

    /// <summary>A name that is not 32 characters of 'A'..'P' (RFC 1001 §14.1).</summary>
    BadNameEncoding = 1UL << 2,

    /// <summary>Name service opcode outside 0, 5–9, 15.</summary>
    UnknownOpcode = 1UL << 3,

    /// <summary>DGM_LENGTH disagrees with the datagram.</summary>
    LengthMismatch = 1UL << 4,

    /// <summary>Datagram message type outside 0x10–0x16.</summary>
    UnknownMessageType = 1UL << 5,

    /// <summary>A node status (NBSTAT) answer whose name count runs past its data.</summary>
    NodeStatusTruncated = 1UL << 6,

    /// <summary>A browser mailslot frame whose SMB transaction points outside the datagram.</summary>
    BadSmbTransaction = 1UL << 7,
}
