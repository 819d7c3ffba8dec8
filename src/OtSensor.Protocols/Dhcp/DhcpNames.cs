namespace OtSensor.Protocols.Dhcp;

/// <summary>Static names for DHCP message types and anomaly bits (no allocation, no <c>Enum.ToString</c>).</summary>
/// <remarks>Message type names follow tshark 4.0's <c>dhcp.option.dhcp</c> value strings (RFC 2132 §9.6, RFC 4388, RFC 6926, RFC 7724).</remarks>
public static class DhcpNames
{
    private static readonly string?[] MessageTypes =
    [
        null, "Discover", "Offer", "Request", "Decline", "ACK", "NAK", "Release", "Inform", "Force Renew",
        "Lease query", "Lease Unassigned", "Lease Unknown", "Lease Active", "Bulk Lease Query", "Lease Query Done",
        "Active LeaseQuery", "Lease Query Status", "TLS",
    ];

    private static readonly string[] Anomalies =
    [
        "truncated", "invalid_op", "invalid_hardware_length", "option_truncated", "missing_end",
        "invalid_message_type_length", "unknown_message_type", "duplicate_message_type", "invalid_address_length",
        "empty_name", "op_type_mismatch", "too_many_options",
    ];

    /// <summary>Name of a DHCP message type (option 53); null when undefined.</summary>
    public static string? MessageType(int type) => (uint)type < (uint)MessageTypes.Length ? MessageTypes[type] : null;

    public static string Op(byte op) => op switch
    {
        DhcpConstants.BootRequest => "BOOTREQUEST",
        DhcpConstants.BootReply => "BOOTREPLY",
        _ => "unknown",
    };

    /// <summary>Stable name of one <see cref="DhcpAnomalies"/> bit.</summary>
    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";
}
