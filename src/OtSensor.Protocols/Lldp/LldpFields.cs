namespace OtSensor.Protocols.Lldp;

/// <summary>Stable names of the keys <see cref="LldpMessage.WriteDetails"/> writes.</summary>
public static class LldpFields
{
    public const string ChassisIdSubtype = "chassisIdSubtype";
    public const string ChassisId = "chassisId";
    public const string PortIdSubtype = "portIdSubtype";
    public const string PortId = "portId";
    public const string Ttl = "ttl";
    public const string PortDescription = "portDescription";
    public const string SystemName = "systemName";
    public const string SystemDescription = "systemDescription";
    public const string Capabilities = "capabilities";
    public const string EnabledCapabilities = "enabledCapabilities";
    public const string ManagementAddress = "managementAddress";
    public const string Profinet = "profinet";
    public const string ProfinetChassisMac = "profinetChassisMac";
    public const string TlvCount = "tlvCount";
}
