namespace OtSensor.Protocols.S7Comm;

/// <summary>Static name tables (no allocation at run time).</summary>
public static class S7CommNames
{
    private static readonly string[] Anomalies =
    [
        "truncated_header", "unknown_rosctr", "length_overrun", "trailing_bytes", "truncated_parameter",
        "unknown_function", "malformed_item", "invalid_userdata_head", "unknown_userdata_group", "truncated_data",
        "truncated_szl", "unexpected_payload", "invalid_item_count", "truncated_name", "userdata_fragment_without_start",
        "userdata_reassembly_too_large", "userdata_reassembly_abandoned",
    ];

    private static readonly string?[] Groups =
    [
        "Mode-transition", "Programmer commands", "Cyclic data", "Block functions", "CPU functions", "Security",
        "PBC BSEND/BRECV", "Time functions", null, null, null, null, null, null, null, "NC programming",
    ];

    public static string? Rosctr(int rosctr) => rosctr switch
    {
        1 => "Job",
        2 => "Ack",
        3 => "Ack_Data",
        7 => "Userdata",
        _ => null,
    };

    public static string? Function(int function) => function switch
    {
        0x00 => "CPU services",
        0x04 => "Read Var",
        0x05 => "Write Var",
        0x1A => "Request download",
        0x1B => "Download block",
        0x1C => "Download ended",
        0x1D => "Start upload",
        0x1E => "Upload",
        0x1F => "End upload",
        0x28 => "PI-Service",
        0x29 => "PLC Stop",
        0xF0 => "Setup communication",
        _ => null,
    };

    public static string? UserdataGroup(int group) => (uint)group < (uint)Groups.Length ? Groups[group] : null;

    public static string? UserdataType(int type) => type switch
    {
        0 => "Push",
        4 => "Request",
        8 => "Response",
        _ => null,
    };

    public static string? UserdataSubfunction(int group, int subfunction) => (group, subfunction) switch
    {
        (0, 0) => "STOP",
        (0, 1) => "Warm Restart",
        (0, 2) => "RUN",
        (0, 3) => "Hot Restart",
        (0, 4) => "HOLD",
        (0, 6) => "Cold Restart",
        (0, 9) => "RUN_R (H-System redundant)",
        (0, 11) => "LINK-UP",
        (0, 12) => "UPDATE",
        (1, 0x01) => "Request diag data (Type 1)",
        (1, 0x02) => "Variable status",
        (1, 0x08) => "Modify variable",
        (1, 0x0C) => "Erase",
        (1, 0x0D) => "Disable job",
        (1, 0x0E) => "Enable job",
        (1, 0x0F) => "Delete job",
        (1, 0x10) => "Read job list",
        (1, 0x11) => "Read job",
        (1, 0x12) => "Replace job",
        (1, 0x13) => "Block status v2",
        (1, 0x16) => "Flash LED",
        (2, 0x01) => "Memory",
        (2, 0x04) => "Unsubscribe",
        (2, 0x05) => "Changed data",
        (3, 0x01) => "List blocks",
        (3, 0x02) => "List blocks of type",
        (3, 0x03) => "Get block info",
        (4, 0x01) => "Read SZL",
        (4, 0x02) => "Message service",
        (4, 0x03) => "Diagnostic message",
        (4, 0x05) => "ALARM_8 indication",
        (4, 0x06) => "NOTIFY indication",
        (4, 0x07) => "ALARM_8 lock",
        (4, 0x08) => "ALARM_8 unlock",
        (4, 0x09) => "SCAN indication",
        (4, 0x0B) => "ALARM ack",
        (4, 0x0C) => "ALARM ack indication",
        (4, 0x0D) => "ALARM lock indication",
        (4, 0x0E) => "ALARM unlock indication",
        (4, 0x11) => "ALARM_SQ indication",
        (4, 0x12) => "ALARM_S indication",
        (4, 0x13) => "ALARM query",
        (4, 0x16) => "NOTIFY_8 indication",
        (5, 0x01) => "PLC password",
        (5, 0x02) => "Clear PLC password",
        (7, 0x01) => "Read clock",
        (7, 0x02) => "Set clock",
        (7, 0x03) => "Read clock (following)",
        (7, 0x04) => "Set clock",
        _ => null,
    };

    /// <summary>Header error class of Ack/Ack-Data.</summary>
    public static string? ErrorClass(int errorClass) => errorClass switch
    {
        0x00 => "No error",
        0x81 => "Application relationship",
        0x82 => "Object definition",
        0x83 => "No resources available",
        0x84 => "Error on service processing",
        0x85 => "Error on supplies",
        0x87 => "Access error",
        0xD2 => "OS error",
        _ => null,
    };

    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";
}
