namespace OtSensor.Protocols.Cdp;

/// <summary>Stable names of the keys <see cref="CdpMessage.WriteDetails"/> writes .</summary>
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
}
