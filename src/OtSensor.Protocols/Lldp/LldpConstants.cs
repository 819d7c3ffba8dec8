namespace OtSensor.Protocols.Lldp;

/// <summary>EtherType, TLV types and bounds of LLDP (IEEE Std 802.1AB-2016 §8.4–§8.5) and the PROFINET extension (IEC 61158-6-10).</summary>
public static class LldpConstants
{
    public const ushort EtherType = 0x88CC;

    public const int TlvHeaderLength = 2;

    public const byte TypeEnd = 0;
    public const byte TypeChassisId = 1;
    public const byte TypePortId = 2;
    public const byte TypeTtl = 3;
    public const byte TypePortDescription = 4;
    public const byte TypeSystemName = 5;
    public const byte TypeSystemDescription = 6;
    public const byte TypeSystemCapabilities = 7;
    public const byte TypeManagementAddress = 8;
    public const byte TypeOrganizationSpecific = 127;

    /// <summary>Chassis/port ID subtypes (§8.5.2.2, §8.5.3.2) whose value is a MAC, a network address, or text.</summary>
    public const byte ChassisSubtypeMac = 4;
    public const byte ChassisSubtypeNetworkAddress = 5;
    public const byte ChassisSubtypeLocal = 7;
    public const byte PortSubtypeMac = 3;
    public const byte PortSubtypeNetworkAddress = 4;

    /// <summary>IANA address family numbers used by the network address subtypes and the management address TLV.</summary>
    public const byte AddressFamilyIPv4 = 1;
    public const byte AddressFamilyIPv6 = 2;

    /// <summary>PROFIBUS Nutzerorganisation OUI of the PROFINET organisationally specific TLVs.</summary>
    public const uint OuiProfinet = 0x000ECF;
    public const byte ProfinetChassisMac = 5;

    /// <summary>A frame holds at most ~750 TLVs of 2 bytes; more than this is not LLDP.</summary>
    public const int MaxTlvs = 256;
}
