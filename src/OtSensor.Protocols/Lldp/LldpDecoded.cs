namespace OtSensor.Protocols.Lldp;

/// <summary>Where each TLV of interest sits in one LLDPDU (offset of the value, length; 0 length = absent).</summary>
internal struct LldpDecoded
{
    public int ChassisSubtype, ChassisOffset, ChassisLength;
    public int PortSubtype, PortOffset, PortLength;
    public int Ttl;
    public int PortDescriptionOffset, PortDescriptionLength;
    public int SystemNameOffset, SystemNameLength;
    public int SystemDescriptionOffset, SystemDescriptionLength;
    public int Capabilities, EnabledCapabilities;
    public bool HasCapabilities;
    public int ManagementSubtype, ManagementOffset, ManagementLength;
    public bool Profinet;
    public int ProfinetChassisMacOffset;
    public int TlvCount;
    public LldpAnomalies Anomalies;
}
