namespace OtSensor.Protocols.ProfinetDcp;

/// <summary>Display names of DCP codes, one static string per value (no formatting, no <c>Enum.ToString</c>).</summary>
/// <remarks>Service names follow tshark 4.0 (<c>pn_dcp.service_id</c>); block names IEC 61158-6-10 §4.3.1.3.4.</remarks>
public static class ProfinetDcpNames
{
    private static readonly string?[] Services = [null, null, null, "Get", "Set", "Identify", "Hello"];

    private static readonly string[] IpBlocks = ["mac", "ipParameter", "fullIpSuite"];

    private static readonly string[] DeviceBlocks =
    [
        "deviceVendor", "nameOfStation", "deviceId", "deviceRole", "deviceOptions", "aliasName", "deviceInstance",
        "oemDeviceId", "standardGateway", "rsiProperties", "deviceAddress",
    ];

    private static readonly string[] ControlBlocks = ["start", "stop", "signal", "response", "factoryReset", "resetToFactory"];

    private static readonly string[] Anomalies =
    [
        "truncated", "data_length_beyond_frame", "block_truncated", "unknown_service", "bad_service_type",
        "frame_id_mismatch", "block_too_short", "unknown_option", "block_limit_exceeded", "name_not_dns_compatible",
    ];

    public static string? Service(int serviceId) => (uint)serviceId < (uint)Services.Length ? Services[serviceId] : null;

    public static string ServiceType(int serviceType) => serviceType switch
    {
        ProfinetDcpConstants.ServiceTypeRequest => "request",
        ProfinetDcpConstants.ServiceTypeResponseSuccess => "responseSuccess",
        _ => (serviceType & ProfinetDcpConstants.ServiceTypeNotSupported) != 0 ? "responseNotSupported" : "reserved",
    };

    /// <summary>Name of a block's option/suboption; null for manufacturer-specific or undefined ones.</summary>
    public static string? Block(byte option, byte suboption) => option switch
    {
        ProfinetDcpConstants.OptionIp => Lookup(IpBlocks, suboption - 1),
        ProfinetDcpConstants.OptionDeviceProperties => Lookup(DeviceBlocks, suboption - 1),
        ProfinetDcpConstants.OptionDhcp => "dhcp",
        ProfinetDcpConstants.OptionControl => Lookup(ControlBlocks, suboption - 1),
        ProfinetDcpConstants.OptionDeviceInitiative => suboption == 1 ? "deviceInitiative" : null,
        ProfinetDcpConstants.OptionAllSelector => suboption == ProfinetDcpConstants.OptionAllSelector ? "allSelector" : null,
        _ => null,
    };

    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";

    private static string? Lookup(string[] table, int index) => (uint)index < (uint)table.Length ? table[index] : null;
}
