namespace OtSensor.Protocols.Cdp;

/// <summary>Where each TLV of interest sits in one CDP frame (offset of the value, length; 0 length = absent).</summary>
internal struct CdpDecoded
{
    public bool HasHeader;
    public byte Version;
    public byte Ttl;
    public ushort Checksum;
    public int DeviceIdOffset, DeviceIdLength;
    public int PortIdOffset, PortIdLength;
    public int SoftwareOffset, SoftwareLength;
    public int PlatformOffset, PlatformLength;
    public int AddressesOffset, AddressesLength;
    public bool HasCapabilities;
    public uint Capabilities;
    public int NativeVlan;
    public int TlvCount;
    public CdpAnomalies Anomalies;
}
