namespace OtSensor.Protocols.Enip;

/// <summary>Wire constants of the EtherNet/IP encapsulation (ODVA CIP Vol. 2, chapter 2) and common packet format (§2-6).</summary>
public static class EnipConstants
{
    /// <summary>TCP and UDP port of explicit messaging and ListIdentity (Vol. 2 §2-2).</summary>
    public const ushort Port = 44818;

    /// <summary>UDP port of class 0/1 implicit I/O (Vol. 2 §3-3.4).</summary>
    public const ushort IoPort = 2222;

    public const int HeaderLength = 24;

    /// <summary>Largest length field: header plus data must fit 65535 octets (Vol. 2 §2-3.1).</summary>
    public const int MaxLength = 65511;

    /// <summary>Bytes skipped while searching for a header before the stream is declared not EtherNet/IP.</summary>
    public const int MaxResyncBytes = 4096;

    /// <summary>Bound on CPF items per packet (real packets carry 2 to 4).</summary>
    public const int MaxItems = 16;

    /// <summary>Bound on the frame a probe waits for before deciding on a list reply.</summary>
    public const int MaxProbeFrame = 4096;

    // Commands (Vol. 2 Table 2-3.2).
    public const ushort Nop = 0x0000;
    public const ushort ListServices = 0x0004;
    public const ushort ListIdentity = 0x0063;
    public const ushort ListInterfaces = 0x0064;
    public const ushort RegisterSession = 0x0065;
    public const ushort UnregisterSession = 0x0066;
    public const ushort SendRRData = 0x006F;
    public const ushort SendUnitData = 0x0070;
    public const ushort StartDtls = 0x00C8;

    // Common packet format item type ids (Vol. 2 Table 2-6.3).
    public const ushort NullAddressItem = 0x0000;
    public const ushort ListIdentityItem = 0x000C;
    public const ushort ConnectedAddressItem = 0x00A1;
    public const ushort ConnectedDataItem = 0x00B1;
    public const ushort UnconnectedDataItem = 0x00B2;
    public const ushort ListServicesItem = 0x0100;
    public const ushort SockaddrOtItem = 0x8000;
    public const ushort SockaddrToItem = 0x8001;
    public const ushort SequencedAddressItem = 0x8002;

    /// <summary>SendRRData/SendUnitData data before the CPF: interface handle (4) and timeout (2).</summary>
    public const int SendDataPrefix = 6;

    /// <summary>CIP Identity item fixed part (Vol. 2 Table 2-4.4): version, socket address, vendor … name length.</summary>
    public const int IdentityFixedLength = 33;
}
