namespace OtSensor.Decoding.Ethernet;

/// <summary>EtherType values the decoder dispatches on (IEEE 802 numbers registry).</summary>
/// <remarks>IEEE Std 802.3-2022 §3.2.6 (Length/Type field); IEEE Std 802.1Q-2022 §9.5 (tag protocol identifiers).</remarks>
public static class EtherTypes
{
    /// <summary>Values up to this one are an IEEE 802.3 length, not a type (802.3 §3.2.6).</summary>
    public const ushort MaxLength = 1500;
    /// <summary>Smallest value that is a type (0x0600); 1501–1535 are undefined.</summary>
    public const ushort MinType = 0x0600;

    public const ushort IPv4 = 0x0800;
    public const ushort Arp = 0x0806;
    /// <summary>C-tag, IEEE 802.1Q.</summary>
    public const ushort Vlan = 0x8100;
    /// <summary>S-tag, IEEE 802.1ad (provider bridging, "QinQ").</summary>
    public const ushort ProviderVlan = 0x88A8;
    /// <summary>Pre-standard QinQ outer tag used by some switches.</summary>
    public const ushort LegacyQinQ = 0x9100;
    public const ushort IPv6 = 0x86DD;
}
