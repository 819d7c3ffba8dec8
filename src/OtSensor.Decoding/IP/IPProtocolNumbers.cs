namespace OtSensor.Decoding.IP;

/// <summary>IP protocol / IPv6 next-header numbers the decoder acts on (IANA "Assigned Internet Protocol Numbers").</summary>
public static class IPProtocolNumbers
{
    /// <summary>IPv6 Hop-by-Hop Options (RFC 8200 §4.3).</summary>
    public const byte HopByHop = 0;
    public const byte Icmp = 1;
    public const byte Tcp = 6;
    public const byte Udp = 17;
    /// <summary>IPv6 Routing header (RFC 8200 §4.4).</summary>
    public const byte Routing = 43;
    /// <summary>IPv6 Fragment header (RFC 8200 §4.5).</summary>
    public const byte Fragment = 44;
    /// <summary>Encapsulating Security Payload (RFC 4303): encrypted, decoding stops.</summary>
    public const byte Esp = 50;
    /// <summary>Authentication Header (RFC 4302 §2.2): length in 4-octet units minus 2.</summary>
    public const byte Ah = 51;
    public const byte IcmpV6 = 58;
    /// <summary>No Next Header (RFC 8200 §4.7).</summary>
    public const byte NoNextHeader = 59;
    /// <summary>IPv6 Destination Options (RFC 8200 §4.6).</summary>
    public const byte DestinationOptions = 60;
}
