namespace OtSensor.Protocols.Enip;

/// <summary>Static names of encapsulation commands, statuses and anomalies (Vol. 2 Tables 2-3.2 and 2-3.3).</summary>
public static class EnipNames
{
    private static readonly string[] Anomalies =
    [
        "unknown_command",
        "non_zero_options",
        "cpf_truncated",
        "cpf_trailing_bytes",
        "too_many_items",
        "identity_truncated",
        "send_data_truncated",
        "request_with_status",
        "length_mismatch",
        "no_session",
    ];

    public static string? Command(int command) => command switch
    {
        EnipConstants.Nop => "NOP",
        EnipConstants.ListServices => "List Services",
        EnipConstants.ListIdentity => "List Identity",
        EnipConstants.ListInterfaces => "List Interfaces",
        EnipConstants.RegisterSession => "Register Session",
        EnipConstants.UnregisterSession => "Unregister Session",
        EnipConstants.SendRRData => "Send RR Data",
        EnipConstants.SendUnitData => "Send Unit Data",
        EnipConstants.StartDtls => "StartDTLS",
        _ => null,
    };

    public static bool IsKnownCommand(int command) => Command(command) is not null;

    public static string? Status(uint status) => status switch
    {
        0x0000 => "Success",
        0x0001 => "Invalid or unsupported command",
        0x0002 => "Insufficient memory",
        0x0003 => "Poorly formed or incorrect data",
        0x0064 => "Invalid session handle",
        0x0065 => "Invalid length",
        0x0069 => "Unsupported protocol revision",
        0x006A => "Encapsulated CIP service not allowed on this port",
        _ => null,
    };

    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";
}
