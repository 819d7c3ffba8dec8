namespace OtSensor.Analysis.Inventory;

/// <summary>
/// The attributes of a device that carry evidence (a value, its source and a confidence), as the sensor's
/// device properties pane lists them (sensor-reference §2.1, §2.2).
/// </summary>
public enum DeviceAttribute : byte
{
    Vendor,
    Model,
    ProductCode,
    Firmware,
    Serial,
    /// <summary>Host or station name: S7 system name, BACnet object-name, DCP station name (identity messages), and
    /// DHCP host name, NetBIOS/LLMNR/mDNS names, LLDP/CDP/SNMP system names (naming protocols, weaker).</summary>
    Name,
    /// <summary>Device type from the §2.4 enumeration (set by the classifier at the end of a run).</summary>
    Type,
    /// <summary>Purdue level 0–5 as text (set by the classifier).</summary>
    PurdueLevel,
    OperatingSystem,
    /// <summary>Free-text self-description (LLDP/SNMP system description, NetBIOS browser comment).</summary>
    Description,
    /// <summary>Number of attributes (array size), not an attribute.</summary>
    Count,
}
