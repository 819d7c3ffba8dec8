namespace OtSensor.Protocols.Cdp;

/// <summary>Stable names of the keys <see cref="CdpMessage.WriteDetails"/> writes and of the session's stream anomalies.</summary>
public static class CdpFields
{
    public const string Version = "version";
    public const string Ttl = "ttl";
    public const string DeviceId = "deviceId";
    public const string PortId = "portId";
    public const string SoftwareVersion = "softwareVersion";
    public const string Platform = "platform";
    public const string Addresses = "addresses";
    public const string Capabilities = "capabilities";
    public const string NativeVlan = "nativeVlan";
    public const string TlvCount = "tlvCount";

    /// <summary>Stream anomaly: an LLC SNAP frame (DSAP 0xAA) whose OUI/PID is not Cisco CDP; not recorded.</summary>
    public const string NotCdp = "not_cdp";
}
