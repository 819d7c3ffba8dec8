namespace OtSensor.Protocols.Dns;

/// <summary>Header layout, record types and bounds of the DNS message format (RFC 1035 §4.1), shared by LLMNR and mDNS.</summary>
public static class DnsConstants
{
    public const ushort DnsPort = 53;
    public const ushort LlmnrPort = 5355;
    public const ushort MdnsPort = 5353;

    public const int HeaderLength = 12;

    /// <summary>RFC 1035 §4.2.2: a TCP message is preceded by a two-byte length.</summary>
    public const int TcpLengthPrefix = 2;

    public const ushort FlagQr = 0x8000;
    public const ushort FlagAa = 0x0400;
    public const ushort FlagTc = 0x0200;
    public const ushort FlagRd = 0x0100;
    public const ushort FlagRa = 0x0080;
    public const ushort FlagZ = 0x0040;
    public const ushort FlagAd = 0x0020;
    public const ushort FlagCd = 0x0010;

    /// <summary>RFC 1035 §3.1: a name is at most 255 octets on the wire, a label at most 63.</summary>
    public const int MaxNameLength = 255;
    public const int MaxLabelLength = 63;

    /// <summary>Longest dotted text of a name: 255 wire octets give at most 253 characters; 256 leaves room.</summary>
    public const int MaxNameText = 256;

    /// <summary>Compression pointers followed for one name. Each must point before the run it ends (no loops anyway).</summary>
    public const int MaxPointerHops = 32;

    /// <summary>Questions walked per message; real queries carry one (RFC 9619), mDNS a few dozen at most.</summary>
    public const int MaxQuestions = 64;

    /// <summary>Resource records walked per message (answers, authority and additional together).</summary>
    public const int MaxRecords = 256;

    /// <summary>Questions and records kept for details.</summary>
    public const int KeptQuestions = 4;
    public const int KeptRecords = 8;

    /// <summary>RFC 6762 §10.2 and §5.4: the top bit of the class is cache-flush (records) or unicast-response (questions).</summary>
    public const ushort MdnsClassTopBit = 0x8000;

    public const ushort TypeA = 1;
    public const ushort TypeNs = 2;
    public const ushort TypeCname = 5;
    public const ushort TypeSoa = 6;
    public const ushort TypePtr = 12;
    public const ushort TypeHinfo = 13;
    public const ushort TypeMx = 15;
    public const ushort TypeTxt = 16;
    public const ushort TypeAaaa = 28;
    public const ushort TypeSrv = 33;
    public const ushort TypeDname = 39;
    public const ushort TypeOpt = 41;
    public const ushort TypeNsec = 47;

    /// <summary>Highest opcode with a meaning (RFC 1035 QUERY 0, IQUERY 1, STATUS 2; RFC 1996 NOTIFY 4; RFC 2136 UPDATE 5; RFC 8490 DSO 6).</summary>
    public const int MaxOpcode = 6;
}
