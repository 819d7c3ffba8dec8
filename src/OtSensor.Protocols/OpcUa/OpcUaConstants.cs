namespace OtSensor.Protocols.OpcUa;

/// <summary>Sizes, bounds and codes of the OPC UA binary protocol (opc.tcp).</summary>
/// <remarks>OPC 10000-6 (Part 6) v1.04: §7.1.2 message header, §6.7.2 secure conversation headers, §5.2 binary encoding.</remarks>
public static class OpcUaConstants
{
    /// <summary>IANA-registered opc.tcp port (Part 6 §7.2 "opc.tcp" URL scheme default).</summary>
    public const ushort DefaultPort = 4840;

    /// <summary>MessageType (3 ASCII bytes) + ChunkType (1) + MessageSize (UInt32): Part 6 §7.1.2.2.</summary>
    public const int HeaderLength = 8;

    /// <summary>Hello: header + ProtocolVersion, ReceiveBufferSize, SendBufferSize, MaxMessageSize, MaxChunkCount + EndpointUrl length.</summary>
    public const int MinHelloLength = HeaderLength + 20 + 4;

    /// <summary>Acknowledge: header + five UInt32 (§7.1.2.4).</summary>
    public const int AcknowledgeLength = HeaderLength + 20;

    /// <summary>Error: header + Error (StatusCode) + Reason length (§7.1.2.5).</summary>
    public const int MinErrorLength = HeaderLength + 4 + 4;

    /// <summary>ReverseHello: header + ServerUri length + EndpointUrl length (§7.1.2.6).</summary>
    public const int MinReverseHelloLength = HeaderLength + 4 + 4;

    /// <summary>OPN: header + SecureChannelId + SecurityPolicyUri, SenderCertificate, ReceiverCertificateThumbprint lengths (§6.7.2.3).</summary>
    public const int MinOpenLength = HeaderLength + 4 + 12;

    /// <summary>MSG/CLO: header + SecureChannelId + TokenId (§6.7.2.4).</summary>
    public const int MinSymmetricLength = HeaderLength + 4 + 4;

    /// <summary>SequenceNumber + RequestId (§6.7.2.5).</summary>
    public const int SequenceHeaderLength = 8;

    /// <summary>
    /// Largest chunk accepted as plausible. Part 6 §7.1.2.3 lets peers negotiate any buffer size, but real stacks
    /// use 8 KiB–2 MiB; 16 MiB leaves room and still rejects text or random bytes that happen to start with "MSG".
    /// </summary>
    public const uint MaxChunkSize = 16 * 1024 * 1024;

    /// <summary>
    /// Chunks up to this size are framed whole (the TCP reassembler holds at most 256 KiB unconsumed per direction);
    /// a larger chunk is decoded from its first <see cref="OversizedPrefix"/> bytes and the rest skipped.
    /// </summary>
    public const int MaxBufferedChunk = 192 * 1024;

    /// <summary>Bytes of an oversized chunk decoded before its remainder is skipped.</summary>
    public const int OversizedPrefix = 4096;

    /// <summary>Most bytes of one multi-chunk message reassembled for decoding (identity and session services only).</summary>
    public const int MaxReassembledMessage = 256 * 1024;

    /// <summary>Longest String or ByteString accepted (Part 6 §5.2.2.4 leaves it open; endpoint URLs are ≤ 4096 by §7.1.2.3).</summary>
    public const int MaxStringLength = 64 * 1024;

    /// <summary>Longest EndpointUrl in Hello (§7.1.2.3: "shall be less than 4096 bytes").</summary>
    public const int MaxEndpointUrlLength = 4096;

    /// <summary>Most array elements walked when a body is decoded (endpoints, user token policies, discovery URLs).</summary>
    public const int MaxArrayElements = 64;

    /// <summary>Deepest nesting of DiagnosticInfo walked (Part 6 §5.2.2.12 InnerDiagnosticInfo recursion).</summary>
    public const int MaxDiagnosticDepth = 8;

    /// <summary>Part 6 §7.1.2.3: buffer sizes shall be at least 8192 bytes.</summary>
    public const uint MinBufferSize = 8192;

    /// <summary>Bytes skipped while resynchronising before the stream is given up.</summary>
    public const int MaxResyncBytes = 64 * 1024;

    /// <summary>Secure channels remembered per connection (a renewal keeps the id; reconnects open a new flow).</summary>
    public const int MaxChannels = 4;

    // Part 6 §5.2.2.9 Table 14: NodeId DataEncoding values (low 6 bits of the first byte).
    public const byte NodeIdTwoByte = 0x00;
    public const byte NodeIdFourByte = 0x01;
    public const byte NodeIdNumeric = 0x02;
    public const byte NodeIdString = 0x03;
    public const byte NodeIdGuid = 0x04;
    public const byte NodeIdByteString = 0x05;

    /// <summary>ExpandedNodeId flags (§5.2.2.10): NamespaceUri and ServerIndex present.</summary>
    public const byte ExpandedNamespaceUriFlag = 0x80;
    public const byte ExpandedServerIndexFlag = 0x40;

    /// <summary>ResponseHeader: Timestamp (DateTime) + RequestHandle before ServiceResult (Part 4 §7.29).</summary>
    public const int ServiceResultOffset = 12;

    /// <summary>UserIdentityToken encoding ids (Part 6 / NodeIds.csv *_Encoding_DefaultBinary).</summary>
    public const uint AnonymousIdentityToken = 321;
    public const uint UserNameIdentityToken = 324;
    public const uint X509IdentityToken = 327;
    public const uint IssuedIdentityToken = 940;
}
