namespace OtSensor.Protocols.Dhcp;

/// <summary>What was wrong with one DHCP/BOOTP message. Several bits can be set; the message is still emitted.</summary>
/// <remarks>Bit names are stable: they are written to <c>events.jsonl</c> through <see cref="DhcpNames.Anomaly"/>.</remarks>
[Flags]
public enum DhcpAnomalies : ulong
{
    None = 0,

    /// <summary>The datagram ends inside the fixed header or before the magic cookie (RFC 2131 §2).</summary>
    Truncated = 1UL << 0,

    /// <summary>op is neither BOOTREQUEST (1) nor BOOTREPLY (2).</summary>
    InvalidOp = 1UL << 1,

    /// <summary>hlen above the 16 bytes of <c>chaddr</c>.</summary>
    InvalidHardwareLength = 1UL << 2,

    /// <summary>An option's length runs past the end of the datagram.</summary>
    OptionTruncated = 1UL << 3,

    /// <summary>The options end without the End option (255) (RFC 2132 §3.2).</summary>
    MissingEnd = 1UL << 4,

    /// <summary>Option 53 with a length other than 1 (RFC 2132 §9.6).</summary>
    InvalidMessageTypeLength = 1UL << 5,

    /// <summary>Option 53 value outside 1..18.</summary>
    UnknownMessageType = 1UL << 6,

    /// <summary>Option 53 appears more than once.</summary>
    DuplicateMessageType = 1UL << 7,

    /// <summary>An address option (50, 54) whose length is not 4.</summary>
    InvalidAddressLength = 1UL << 8,

    /// <summary>Option 12 or 81 with an empty name (RFC 2132 §3.14: minimum length 1).</summary>
    EmptyName = 1UL << 9,

    /// <summary>A DHCP message type sent by the wrong side (e.g. an OFFER with op BOOTREQUEST).</summary>
    OpTypeMismatch = 1UL << 10,

    /// <summary>The option walk hit <see cref="DhcpConstants.MaxOptions"/>.</summary>
    TooManyOptions = 1UL << 11,
}
