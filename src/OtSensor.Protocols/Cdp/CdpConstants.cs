namespace OtSensor.Protocols.Cdp;

/// <summary>SNAP identification, TLV types and bounds of the Cisco Discovery Protocol (Cisco CDP specification, version 2).</summary>
public static class CdpConstants
{
    /// <summary>CDP frames are 802.3 + LLC SNAP: DSAP/SSAP 0xAA, then OUI 00-00-0C and PID 0x2000.</summary>
    public const byte SnapSap = 0xAA;
    public const uint OuiCisco = 0x00000C;
    public const ushort PidCdp = 0x2000;

    /// <summary>The engine hands over the bytes after the 3-byte LLC header: OUI (3) and PID (2) come first.</summary>
    public const int SnapLength = 5;

    /// <summary>Version (1), TTL (1), checksum (2).</summary>
    public const int HeaderLength = 4;
    public const int TlvHeaderLength = 4;

    public const ushort TypeDeviceId = 0x0001;
    public const ushort TypeAddresses = 0x0002;
    public const ushort TypePortId = 0x0003;
    public const ushort TypeCapabilities = 0x0004;
    public const ushort TypeSoftwareVersion = 0x0005;
    public const ushort TypePlatform = 0x0006;
    public const ushort TypeNativeVlan = 0x000A;
    public const ushort TypeManagementAddresses = 0x0016;

    public const int MaxTlvs = 128;
}
