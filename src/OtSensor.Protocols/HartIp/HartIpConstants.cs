namespace OtSensor.Protocols.HartIp;

/// <summary>Sizes, codes and bounds of HART-IP (HCF_SPEC-85) and the HART frame it carries (HCF_SPEC-081).</summary>
public static class HartIpConstants
{
    /// <summary>HART-IP server port, TCP and UDP (HCF_SPEC-85, well-known port).</summary>
    public const ushort DefaultPort = 5094;

    /// <summary>Version(1) MessageType(1) MessageID(1) Status(1) SequenceNumber(2) ByteCount(2).</summary>
    public const int HeaderLength = 8;

    /// <summary>
    /// Bound on a message's byte count. A token-passing PDU is at most 1 + 5 + 3 + 1 + 1 + 255 + 1 bytes and a
    /// Direct PDU a few of them; anything larger is not HART-IP and makes the stream resynchronise.
    /// </summary>
    public const int MaxMessageLength = 4096;

    /// <summary>A resync that skips more than this gives up on the flow.</summary>
    public const int MaxResyncBytes = 4096;

    public const byte MessageTypeRequest = 0;
    public const byte MessageTypeResponse = 1;
    public const byte MessageTypePublish = 2;
    public const byte MessageTypeError = 3;
    public const byte MessageTypeNak = 15;

    public const byte SessionInitiate = 0;
    public const byte SessionClose = 1;
    public const byte KeepAlive = 2;
    public const byte TokenPassingPdu = 3;
    public const byte DirectPdu = 4;
    public const byte ReadAuditLog = 5;

    /// <summary>Discovery (the FieldComm Group reference server handles it like Keep Alive).</summary>
    public const byte Discovery = 128;

    /// <summary>Session Initiate body: master type(1) inactivity close timer(4).</summary>
    public const int SessionInitiateBodyLength = 5;

    /// <summary>HART frame delimiter bit 7: 5-byte unique (long) address instead of a 1-byte polling address.</summary>
    public const byte DelimiterLongAddress = 0x80;

    public const byte FrameTypeBurst = 1;
    public const byte FrameTypeStx = 2;
    public const byte FrameTypeAck = 6;

    public const int LongAddressLength = 5;

    /// <summary>Command 31: the 16-bit command number follows in the data (HART 7 extended commands).</summary>
    public const byte ExtendedCommand = 31;

    /// <summary>Command 0 response data (after response code and device status) up to the manufacturer id (HART 7: 22 bytes).</summary>
    public const int Command0MinimumData = 12;
}
