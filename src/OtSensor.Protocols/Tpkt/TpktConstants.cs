namespace OtSensor.Protocols.Tpkt;

/// <summary>Fixed values of the TPKT header (RFC 1006 §6).</summary>
public static class TpktConstants
{
    /// <summary>ISO transport service on top of TCP listens on port 102 (RFC 1006 §2).</summary>
    public const ushort DefaultPort = 102;

    /// <summary>The only version RFC 1006 defines.</summary>
    public const byte Version = 3;

    /// <summary>version (1) + reserved (1) + length (2).</summary>
    public const int HeaderLength = 4;

    /// <summary>RFC 1006 §6: the smallest packet is a header plus a 3-byte TPDU.</summary>
    public const int MinLength = 7;

    /// <summary>The 16-bit length field bounds a packet to 65,535 bytes (RFC 1006 §6), header included.</summary>
    public const int MaxLength = ushort.MaxValue;
}
