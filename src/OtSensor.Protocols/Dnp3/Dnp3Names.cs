namespace OtSensor.Protocols.Dnp3;

/// <summary>
/// Display names of DNP3 codes, one static string per value, so that formatting a message never allocates
/// or calls <c>Enum.ToString</c>.
/// </summary>
/// <remarks>
/// Function names follow tshark 4.0 (<c>dnp3.al.func</c>) so that conformance output reads the same;
/// the specification's names (IEEE 1815-2012 Table 4-2) are on <see cref="Dnp3FunctionCode"/>.
/// </remarks>
public static class Dnp3Names
{
    private static readonly string?[] Functions = BuildFunctions();

    private static readonly string[] Anomalies =
    [
        "data_crc_error", "fragment_too_short", "unknown_function", "reserved_qualifier", "object_header_truncated",
        "object_data_truncated", "invalid_range", "too_many_objects", "too_many_points", "unknown_object",
        "direction_mismatch", "unsolicited_bit_mismatch", "multi_fragment_request", "reserved_iin_bits",
        "invalid_control_code", "invalid_object_prefix", "reserved_link_function",
    ];

    private static readonly string?[] PrimaryLinkFunctions =
    [
        "Reset of Remote Link", "Reset of User Process", "Test Function For Link", "User Data",
        "Unconfirmed User Data", null, null, null, null, "Request Link Status", null, null, null, null, null, null,
    ];

    private static readonly string?[] SecondaryLinkFunctions =
    [
        "ACK", "NACK", null, null, null, null, null, null, null, null, null, "Status of Link", null, null,
        "Link Service Not Functioning", "Link Service Not Used or Implemented",
    ];

    /// <summary>IIN1.0 … IIN1.7 then IIN2.0 … IIN2.7 (§4.2.2.6).</summary>
    private static readonly string[] IinBits =
    [
        "all_stations", "class_1_events", "class_2_events", "class_3_events", "need_time", "local_control",
        "device_trouble", "device_restart", "no_func_code_support", "object_unknown", "parameter_error",
        "event_buffer_overflow", "already_executing", "config_corrupt", "reserved_2", "reserved_1",
    ];

    private static readonly string?[] SecureAuthentication =
    [
        null, "challenge", "reply", "aggressive_mode_request", "session_key_status_request", "session_key_status",
        "session_key_change", "error", "user_certificate", "mac", "update_key_change_request",
        "update_key_change_reply", "update_key_change", "update_key_change_signature",
        "update_key_change_confirmation",
    ];

    private static readonly string[] CrobOperations = ["nul", "pulse_on", "pulse_off", "latch_on", "latch_off"];

    private static readonly string[] TripCloseCodes = ["nul", "close", "trip", "reserved"];

    /// <summary>Name of an application function code; null when undefined.</summary>
    public static string? Function(byte code) => Functions[code];

    /// <summary>Name of a link function for a primary (PRM = 1) or secondary frame; null when reserved.</summary>
    public static string? LinkFunction(bool primary, byte function)
        => (primary ? PrimaryLinkFunctions : SecondaryLinkFunctions)[function & 0x0F];

    /// <summary>Stable snake_case name of an anomaly bit.</summary>
    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";

    /// <summary>Name of IIN bit <paramref name="bit"/> (0–7 IIN1, 8–15 IIN2).</summary>
    public static string Iin(int bit) => IinBits[bit & 0x0F];

    /// <summary>Secure Authentication message (g120 variation, IEEE 1815-2012 §7.5); null when not defined.</summary>
    public static string? SecureAuthenticationMessage(byte variation)
        => variation < SecureAuthentication.Length ? SecureAuthentication[variation] : null;

    /// <summary>CROB operation type (control code bits 0–3); null when reserved.</summary>
    public static string? CrobOperation(int operation) => (uint)operation < (uint)CrobOperations.Length ? CrobOperations[operation] : null;

    /// <summary>CROB trip-close code (control code bits 6–7).</summary>
    public static string TripClose(int code) => TripCloseCodes[code & 3];

    /// <summary>Object group name (IEEE 1815-2012 Annex A); null when the group is not defined.</summary>
    public static string? Group(byte group) => group switch
    {
        0 => "device_attributes",
        1 => "binary_input",
        2 => "binary_input_event",
        3 => "double_bit_binary_input",
        4 => "double_bit_binary_input_event",
        10 => "binary_output",
        11 => "binary_output_event",
        12 => "binary_output_command",
        13 => "binary_output_command_event",
        20 => "counter",
        21 => "frozen_counter",
        22 => "counter_event",
        23 => "frozen_counter_event",
        30 => "analog_input",
        31 => "frozen_analog_input",
        32 => "analog_input_event",
        33 => "frozen_analog_input_event",
        34 => "analog_input_deadband",
        40 => "analog_output_status",
        41 => "analog_output",
        42 => "analog_output_event",
        43 => "analog_output_command_event",
        50 => "time_and_date",
        51 => "time_and_date_cto",
        52 => "time_delay",
        60 => "class_data",
        70 => "file_control",
        80 => "internal_indications",
        81 => "device_storage",
        82 => "device_profile",
        83 => "data_set_registration",
        85 => "data_set_prototype",
        86 => "data_set_descriptor",
        87 => "data_set",
        88 => "data_set_event",
        90 => "application_identifier",
        91 => "status_of_requested_operation",
        100 => "floating_point",
        101 => "bcd",
        102 => "unsigned_integer",
        110 => "octet_string",
        111 => "octet_string_event",
        112 => "virtual_terminal_output",
        113 => "virtual_terminal_event",
        120 => "authentication",
        121 => "security_statistic",
        122 => "security_statistic_event",
        _ => null,
    };

    /// <summary>Device attribute (g0 variation) names for the attributes the sensor reports; null for others.</summary>
    public static string? DeviceAttribute(byte variation) => variation switch
    {
        240 => "max_tx_fragment_size",
        241 => "max_rx_fragment_size",
        242 => "software_version",
        243 => "hardware_version",
        245 => "location",
        246 => "user_assigned_id",
        247 => "device_name",
        248 => "serial_number",
        249 => "subset_and_conformance",
        250 => "product_name",
        252 => "manufacturer_name",
        _ => null,
    };

    private static string?[] BuildFunctions()
    {
        var names = new string?[256];
        names[0] = "Confirm";
        names[1] = "Read";
        names[2] = "Write";
        names[3] = "Select";
        names[4] = "Operate";
        names[5] = "Direct Operate";
        names[6] = "Direct Operate No Ack";
        names[7] = "Immediate Freeze";
        names[8] = "Immediate Freeze No Ack";
        names[9] = "Freeze and Clear";
        names[10] = "Freeze and Clear No Ack";
        names[11] = "Freeze With Time";
        names[12] = "Freeze With Time No Ack";
        names[13] = "Cold Restart";
        names[14] = "Warm Restart";
        names[15] = "Initialize Data";
        names[16] = "Initialize Application";
        names[17] = "Start Application";
        names[18] = "Stop Application";
        names[19] = "Save Configuration";
        names[20] = "Enable Spontaneous Messages";
        names[21] = "Disable Spontaneous Messages";
        names[22] = "Assign Classes";
        names[23] = "Delay Measurement";
        names[24] = "Record Current Time";
        names[25] = "Open File";
        names[26] = "Close File";
        names[27] = "Delete File";
        names[28] = "Get File Info";
        names[29] = "Authenticate File";
        names[30] = "Abort File";
        names[31] = "Activate Config";
        names[32] = "Authentication Request";
        names[33] = "Authentication Request No Ack";
        names[129] = "Response";
        names[130] = "Unsolicited Response";
        names[131] = "Authentication Response";
        return names;
    }
}
