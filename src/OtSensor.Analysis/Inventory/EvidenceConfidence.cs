namespace OtSensor.Analysis.Inventory;

/// <summary>
/// Confidence of each kind of evidence, 0–100. A statement replaces a value only when it is strictly more
/// confident, so an identity message beats a naming protocol, which beats an OUI, which beats a port.
/// Classification rules carry their own confidence (Rules/classification-rules.json).
/// </summary>
public static class EvidenceConfidence
{
    /// <summary>The device stated it itself in a decoded identity message (CIP ListIdentity, S7 SZL, Modbus 43/14...).</summary>
    public const byte IdentityMessage = 90;
    /// <summary>Names announced on the network (DHCP, DNS, NetBIOS, LLDP...), for the naming decoders to come.</summary>
    public const byte NamingProtocol = 70;
    /// <summary>Vendor from the MAC's IEEE registry assignment: the network card's maker, often not the device's.</summary>
    public const byte Oui = 40;
    /// <summary>A protocol guessed from a well-known server port alone, the flow not decoded.</summary>
    public const byte Port = 20;
    /// <summary>Decoded protocol roles (a PDU was parsed): near-certain.</summary>
    public const byte DecodedProtocol = 95;
}
