namespace OtSensor.Core.Protocols;

/// <summary>
/// Application protocols the sensor names. The lowercase ids written to <c>events.jsonl</c> come from
/// <see cref="ProtocolNames"/> (docs/event-log-contract.md): chosen once and kept.
/// </summary>
public enum ProtocolId : byte
{
    Unknown = 0,
    Modbus,
    Umas,
    Dnp3,
    S7Comm,
    S7CommPlus,
    Enip,
    Cip,
    Bacnet,
    Iec104,
    OpcUa,
    Mms,
    Goose,
    ProfinetDcp,
    ProfinetIO,
    EtherCat,
    Cotp,
    SampledValues,
    HartIp,
    C37118,
    Ads,
    Fins,
    Srtp,
    Melsec,
    Fox,
    Dhcp,
    Dns,
    NetBios,
    Llmnr,
    Mdns,
    Lldp,
    Cdp,
    Snmp,
    Http,
    Tls,
}

/// <summary>Stable lowercase protocol ids, one static string per <see cref="ProtocolId"/> (no allocation).</summary>
public static class ProtocolNames
{
    private static readonly string[] Names =
    [
        "unknown", "modbus", "umas", "dnp3", "s7comm", "s7commplus", "enip", "cip", "bacnet", "iec104",
        "opcua", "mms", "goose", "profinet-dcp", "profinet-io", "ethercat", "cotp",
        "sv", "hart-ip", "c37118", "ads", "fins", "srtp", "melsec", "fox",
        "dhcp", "dns", "netbios", "llmnr", "mdns", "lldp", "cdp", "snmp", "http", "tls",
    ];

    public static string Get(ProtocolId id) => (uint)id < (uint)Names.Length ? Names[(int)id] : "unknown";
}
