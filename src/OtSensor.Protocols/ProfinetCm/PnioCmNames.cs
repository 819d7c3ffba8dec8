namespace OtSensor.Protocols.ProfinetCm;

/// <summary>Display names of PNIO-CM codes, one static string per value.</summary>
/// <remarks>Operation names follow tshark 4.0 (<c>pn_io.opnum</c>); block type names IEC 61158-6-10 §5.2.1 BlockType.</remarks>
public static class PnioCmNames
{
    private static readonly string[] Opnums = ["Connect", "Release", "Read", "Write", "Control", "Read Implicit"];

    private static readonly string[] PacketTypes =
    [
        "request", "ping", "response", "fault", "working", "nocall", "reject", "ack", "cl_cancel", "fack", "cancel_ack",
    ];

    private static readonly string[] Interfaces = ["unknown", "device", "controller", "supervisor", "parameterServer", "epm"];

    private static readonly string[] Anomalies =
    [
        "header_truncated", "bad_version", "unknown_packet_type", "fragment_length_beyond_datagram", "body_truncated",
        "args_length_mismatch", "block_malformed", "unknown_opnum", "fragment_missing", "reassembly_limit",
        "block_limit_exceeded", "unknown_interface",
    ];

    private static readonly string[] ControlCommands =
    [
        "PrmEnd", "ApplicationReady", "Release", "Done", "ReadyForCompanion", "ReadyForRT_CLASS_3", "PrmBegin",
    ];

    public static string? Opnum(int opnum) => (uint)opnum < (uint)Opnums.Length ? Opnums[opnum] : null;

    public static string? PacketType(int type) => (uint)type < (uint)PacketTypes.Length ? PacketTypes[type] : null;

    public static string Interface(PnioCmInterface i) => (uint)i < (uint)Interfaces.Length ? Interfaces[(int)i] : "unknown";

    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";

    /// <summary>Name of ControlCommand bit <paramref name="bit"/> (0 = PrmEnd … 6 = PrmBegin); null beyond.</summary>
    public static string? ControlCommand(int bit) => (uint)bit < (uint)ControlCommands.Length ? ControlCommands[bit] : null;

    public static string? BlockType(int type) => type switch
    {
        0x0008 => "IODWriteReqHeader",
        0x0009 => "IODReadReqHeader",
        0x8008 => "IODWriteResHeader",
        0x8009 => "IODReadResHeader",
        0x0101 => "ARBlockReq",
        0x0102 => "IOCRBlockReq",
        0x0103 => "AlarmCRBlockReq",
        0x0104 => "ExpectedSubmoduleBlockReq",
        0x0105 => "PrmServerBlockReq",
        0x0106 => "MCRBlockReq",
        0x0107 => "ARRPCBlockReq",
        0x0108 => "ARVendorBlockReq",
        0x0109 => "IRInfoBlock",
        0x010A => "SRInfoBlock",
        0x010B => "ARFSUBlock",
        0x010C => "RSInfoBlock",
        0x0110 => "IODControlReq (PrmEnd)",
        0x0111 => "IODControlReq (PrmEnd, connectionless)",
        0x0112 => "IOXControlReq (ApplicationReady)",
        0x0113 => "IOXControlReq (ApplicationReady, connectionless)",
        0x0114 => "IODReleaseReq",
        0x0116 => "IOXControlReq (ReadyForCompanion)",
        0x0117 => "IOXControlReq (ReadyForRT_CLASS_3)",
        0x0118 => "PrmBeginReq",
        0x0119 => "SubmoduleListBlock",
        0x8101 => "ARBlockRes",
        0x8102 => "IOCRBlockRes",
        0x8103 => "AlarmCRBlockRes",
        0x8104 => "ModuleDiffBlock",
        0x8105 => "PrmServerBlockRes",
        0x8106 => "ARServerBlockRes",
        0x8107 => "ARRPCBlockRes",
        0x8108 => "ARVendorBlockRes",
        0x8110 => "IODControlRes (PrmEnd)",
        0x8111 => "IODControlRes (PrmEnd, connectionless)",
        0x8112 => "IOXControlRes (ApplicationReady)",
        0x8113 => "IOXControlRes (ApplicationReady, connectionless)",
        0x8114 => "IODReleaseRes",
        0x8116 => "IOXControlRes (ReadyForCompanion)",
        0x8117 => "IOXControlRes (ReadyForRT_CLASS_3)",
        0x8118 => "PrmBeginRes",
        _ => null,
    };
}
