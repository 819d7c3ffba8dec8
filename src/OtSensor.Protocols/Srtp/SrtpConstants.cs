namespace OtSensor.Protocols.Srtp;

/// <summary>Sizes and codes of GE SRTP (Service Request Transport Protocol), from public reverse engineering.</summary>
/// <remarks>
/// Denton et al., "Leveraging the SRTP protocol for over-the-network memory acquisition of a GE Fanuc Series 90-30",
/// DFRWS 2017 (Tables 1 and 4), and the hardware-verified notes of gesrtp-py (MIT, PROTOCOL_DISCOVERIES.md): a 56-byte
/// header, optionally followed by a payload whose length is in header bytes 4–5.
/// </remarks>
public static class SrtpConstants
{
    public const ushort DefaultPort = 18245;

    public const int HeaderLength = 56;

    /// <summary>Header byte 0: 0 initialisation (all zeros), 1 initialisation reply, 2 request, 3 response.</summary>
    public const byte TypeInit = 0x00;
    public const byte TypeInitReply = 0x01;
    public const byte TypeRequest = 0x02;
    public const byte TypeResponse = 0x03;

    /// <summary>Header byte 31: message type.</summary>
    public const int MessageTypeOffset = 31;
    public const byte MessageRequest = 0xC0;
    public const byte MessageAck = 0xD4;
    public const byte MessageAckWithData = 0x94;
    public const byte MessageError = 0xD1;

    public const int PayloadLengthOffset = 4;
    public const int SequenceOffset = 2;
    public const int ServiceOffset = 42;
    public const int SegmentOffset = 43;
    public const int DataOffsetOffset = 44;
    public const int DataLengthOffset = 46;

    /// <summary>Bound on the payload after the header (the engine keeps at most 256 KiB of a stream anyway).</summary>
    public const int MaxPayload = 16 * 1024;

    /// <summary>Requests remembered per flow to name their responses.</summary>
    public const int PendingRequests = 16;
}
