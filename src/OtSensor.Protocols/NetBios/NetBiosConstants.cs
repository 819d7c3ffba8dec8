namespace OtSensor.Protocols.NetBios;

/// <summary>Ports, codes and offsets of NetBIOS over TCP/IP name and datagram services (RFC 1001, RFC 1002) and the browser protocol ([MS-BRWS]).</summary>
public static class NetBiosConstants
{
    public const ushort NameServicePort = 137;
    public const ushort DatagramPort = 138;

    /// <summary>RFC 1001 §14.1: a NetBIOS name (15 characters + suffix) encodes to a 32-byte label of 'A'..'P'.</summary>
    public const int EncodedNameLength = 32;
    public const int NameLength = 16;

    public const ushort TypeNb = 0x0020;
    public const ushort TypeNbstat = 0x0021;

    /// <summary>NB_FLAGS G bit: a group name (RFC 1002 §4.2.1.3).</summary>
    public const ushort GroupFlag = 0x8000;

    public const int OpcodeQuery = 0;
    public const int OpcodeRegistration = 5;
    public const int OpcodeRelease = 6;
    public const int OpcodeWack = 7;
    public const int OpcodeRefresh = 8;
    public const int OpcodeRefreshAlt = 9;
    public const int OpcodeMultiHomed = 15;

    /// <summary>Datagram service message types (RFC 1002 §4.4.1).</summary>
    public const byte DirectUnique = 0x10;
    public const byte DirectGroup = 0x11;
    public const byte Broadcast = 0x12;
    public const byte DatagramError = 0x13;
    public const byte QueryRequest = 0x14;
    public const byte PositiveQueryResponse = 0x15;
    public const byte NegativeQueryResponse = 0x16;

    /// <summary>MSG_TYPE, FLAGS, DGM_ID, SOURCE_IP, SOURCE_PORT.</summary>
    public const int DatagramHeaderLength = 10;

    /// <summary>Header, DGM_LENGTH, PACKET_OFFSET: where SOURCE_NAME starts.</summary>
    public const int DatagramNamesOffset = 14;

    /// <summary>An encoded name without scope: length 32, 32 bytes, root.</summary>
    public const int EncodedNameWire = 34;

    public const byte SmbCommandTransaction = 0x25;
    public const int SmbHeaderLength = 32;

    /// <summary>Browser opcodes ([MS-BRWS] §2.2).</summary>
    public const byte HostAnnouncement = 0x01;
    public const byte DomainAnnouncement = 0x0C;
    public const byte LocalMasterAnnouncement = 0x0F;

    /// <summary>Host announcement layout ([MS-BRWS] §2.2.1): opcode, update count, periodicity, then these.</summary>
    public const int AnnouncementServerName = 6;
    public const int AnnouncementOsMajor = 22;
    public const int AnnouncementOsMinor = 23;
    public const int AnnouncementServerType = 24;
    public const int AnnouncementComment = 32;
    public const int MaxComment = 256;
}
