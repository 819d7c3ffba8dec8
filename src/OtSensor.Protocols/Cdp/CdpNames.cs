namespace OtSensor.Protocols.Cdp;

/// <summary>Static names for CDP capability bits and anomaly bits.</summary>
public static class CdpNames
{
    /// <summary>Capability bits, bit 0 first (Cisco CDP specification, "Capabilities" TLV).</summary>
    private static readonly string[] CapabilityNames =
    [
        "router", "transparentBridge", "sourceRouteBridge", "switch", "host", "igmp", "repeater", "voipPhone",
        "remotelyManaged", "cvtaStpDispute", "twoPortMacRelay",
    ];

    private static readonly string[] Anomalies = ["truncated", "bad_tlv_length", "unknown_version", "bad_address", "too_many_tlvs"];

    public static ReadOnlySpan<string> Capabilities => CapabilityNames;

    /// <summary>Stable name of one <see cref="CdpAnomalies"/> bit.</summary>
    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";
}
