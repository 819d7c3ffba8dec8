namespace OtSensor.Core.Protocols;

/// <summary>Identity attributes a device can state about itself in a protocol message.</summary>
public enum IdentityField : byte
{
    Vendor,
    ProductCode,
    Model,
    Firmware,
    Name,
    Serial,
    /// <summary>A host name the device uses for itself (DHCP option 12, NetBIOS/LLMNR/mDNS, LLDP system name).</summary>
    Hostname,
    /// <summary>Operating system or software platform (SNMP sysDescr, HTTP Server, DHCP vendor class).</summary>
    OperatingSystem,
    /// <summary>Free-text self-description (LLDP/SNMP system description, CDP platform).</summary>
    Description,
}
