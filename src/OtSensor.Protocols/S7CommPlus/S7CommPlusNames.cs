namespace OtSensor.Protocols.S7CommPlus;

/// <summary>Static name tables (no allocation).</summary>
public static class S7CommPlusNames
{
    private static readonly string[] Anomalies =
    [
        "truncated_header", "unknown_version", "length_overrun", "unknown_opcode", "truncated_body",
        "unknown_function", "invalid_trailer",
    ];

    public static string? Opcode(int opcode) => opcode switch
    {
        0x02 => "Response2",
        0x31 => "Request",
        0x32 => "Response",
        0x33 => "Notification",
        _ => null,
    };

    public static string? Function(int function) => function switch
    {
        0x04B1 => "Error",
        0x04BB => "Explore",
        0x04CA => "CreateObject",
        0x04D4 => "DeleteObject",
        0x04F2 => "SetVariable",
        0x04FC => "GetVariable",
        0x0506 => "AddLink",
        0x051A => "RemoveLink",
        0x0524 => "GetLink",
        0x0542 => "SetMultiVariables",
        0x054C => "GetMultiVariables",
        0x0556 => "BeginSequence",
        0x0560 => "EndSequence",
        0x056B => "Invoke",
        0x057C => "SetVarSubStreamed",
        0x0586 => "GetVarSubStreamed",
        0x0590 => "GetVariablesAddress",
        0x059A => "Abort",
        _ => null,
    };

    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";
}
