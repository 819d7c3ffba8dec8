namespace OtSensor.Protocols.NetBios;

/// <summary>Static names for NetBIOS opcodes, datagram types, name suffixes, browser commands and anomaly bits.</summary>
/// <remarks>Opcode and datagram type names follow tshark 4.0 (<c>nbns.flags.opcode</c>, <c>nbdgm.type</c>).</remarks>
public static class NetBiosNames
{
    private static readonly string[] Anomalies =
    [
        "truncated", "malformed_name_service", "bad_name_encoding", "unknown_opcode", "length_mismatch",
        "unknown_message_type", "node_status_truncated", "bad_smb_transaction",
    ];

    public static string? Opcode(int opcode) => opcode switch
    {
        0 => "Name query",
        5 => "Registration",
        6 => "Release",
        7 => "Wait for acknowledgment",
        8 => "Refresh",
        9 => "Refresh (alternate opcode)",
        15 => "Multi-homed registration",
        _ => null,
    };

    public static string? MessageType(int type) => type switch
    {
        0x10 => "Direct_unique datagram",
        0x11 => "Direct_group datagram",
        0x12 => "Broadcast datagram",
        0x13 => "Datagram error",
        0x14 => "Datagram query request",
        0x15 => "Datagram positive query response",
        0x16 => "Datagram negative query response",
        _ => null,
    };

    /// <summary>The service a name's 16th byte announces ([MS-NBTE] §2.2.1, common registrations).</summary>
    public static string? Suffix(int suffix) => suffix switch
    {
        0x00 => "Workstation",
        0x01 => "Master Browser",
        0x03 => "Messenger",
        0x1B => "Domain Master Browser",
        0x1C => "Domain Controllers",
        0x1D => "Local Master Browser",
        0x1E => "Browser Election",
        0x20 => "Server",
        _ => null,
    };

    public static string? BrowserCommand(int command) => command switch
    {
        0x01 => "Host Announcement",
        0x02 => "Request Announcement",
        0x08 => "Browser Election Request",
        0x09 => "Get Backup List Request",
        0x0A => "Get Backup List Response",
        0x0B => "Become Backup Browser",
        0x0C => "Domain/Workgroup Announcement",
        0x0D => "Master Announcement",
        0x0E => "Reset Browser State Announcement",
        0x0F => "Local Master Announcement",
        _ => null,
    };

    /// <summary>Stable name of one <see cref="NetBiosAnomalies"/> bit.</summary>
    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";
}
