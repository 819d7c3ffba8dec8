namespace OtSensor.Protocols.Dhcp;

/// <summary>
/// The scalar fields of one DHCP message, filled by <see cref="DhcpParser"/> and wrapped with the datagram by
/// <see cref="DhcpMessage"/>. Options are an offset and length into the datagram (0 length = absent).
/// </summary>
internal struct DhcpDecoded
{
    public byte Op;
    public byte Htype;
    public byte Hlen;
    public byte Hops;
    public uint Xid;
    public ushort Secs;
    public ushort Flags;
    public bool HasHeader;
    public bool HasCookie;

    /// <summary>Option 53 value; -1 when absent (plain BOOTP).</summary>
    public int MessageType;
    public int OptionCount;
    public int Overload;

    public int HostNameOffset, HostNameLength;
    public int VendorClassOffset, VendorClassLength;
    public int ParameterListOffset, ParameterListLength;
    public int ClientIdOffset, ClientIdLength;
    public int FqdnOffset, FqdnLength;
    public int RequestedIpOffset;
    public int ServerIdOffset;
    public int DomainNameOffset, DomainNameLength;
    public long LeaseTime;

    public DhcpAnomalies Anomalies;
}
