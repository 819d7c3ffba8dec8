namespace OtSensor.Protocols.Lldp;

/// <summary>Static names for LLDP system capabilities and anomaly bits.</summary>
public static class LldpNames
{
    /// <summary>System capability bits (IEEE 802.1AB-2016 §8.5.8.1, table 8-4), bit 0 first.</summary>
    private static readonly string[] CapabilityNames =
    [
        "other", "repeater", "bridge", "wlanAccessPoint", "router", "telephone", "docsisCableDevice", "stationOnly",
        "cVlanComponent", "sVlanComponent", "twoPortMacRelay",
    ];

    private static readonly string[] Anomalies =
    [
        "tlv_truncated", "missing_mandatory", "missing_end", "bad_tlv_length", "duplicate_tlv", "too_many_tlvs",
    ];

    public static ReadOnlySpan<string> Capabilities => CapabilityNames;

    /// <summary>Stable name of one <see cref="LldpAnomalies"/> bit.</summary>
    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";
}
