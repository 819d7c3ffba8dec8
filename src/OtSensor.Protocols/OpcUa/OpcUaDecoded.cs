namespace OtSensor.Protocols.OpcUa;

/// <summary>
/// The decoded fields of one chunk, a plain struct kept beside the frame by <see cref="OpcUaMessage"/>. Ranges of
/// the security header (<see cref="PolicyUri"/>) point into the frame; every other range points into the body.
/// </summary>
internal struct OpcUaDecoded
{
    public OpcUaMessageType Type;
    public byte ChunkType;
    public uint MessageSize;
    public OpcUaAnomalies Anomalies;
    public OpcUaFieldPresence Present;
    public bool IsResponse;

    public uint SecureChannelId;
    public uint TokenId;
    public uint SequenceNumber;
    public uint RequestId;
    public byte PolicyIndex;
    public OpcUaRange PolicyUri;
    public int SenderCertificateLength;
    public int ThumbprintLength;

    public OpcUaNodeId ServiceNodeId;
    public OpcUaServiceKind Kind;
    public string? ServiceName;

    public uint ProtocolVersion;
    public uint ReceiveBufferSize;
    public uint SendBufferSize;
    public uint MaxMessageSize;
    public uint MaxChunkCount;
    public OpcUaRange EndpointUrl;
    public OpcUaRange ServerUri;
    public uint ErrorCode;
    public OpcUaRange Reason;

    public uint RequestHandle;
    public uint ServiceResult;
    public int RequestType;
    public int SecurityMode;
    public OpcUaRange SessionName;
    public OpcUaApplication Client;
    public uint IdentityTokenId;
    public OpcUaRange UserName;
    public OpcUaRange PolicyId;
    public int ItemCount;
    public int EndpointsStart;
    public int EndpointCount;
    public int ChunkCount;

    public readonly bool Has(OpcUaFieldPresence field) => (Present & field) == field;
}
