namespace OtSensor.Protocols.OpcUa;

/// <summary>
/// Stable names of the keys <see cref="OpcUaMessage.WriteDetails"/> writes and of the stream-level anomalies
/// <see cref="OpcUaSession"/> reports (docs/event-log-contract.md: <c>messageType</c>).
/// </summary>
public static class OpcUaFields
{
    public const string MessageType = "messageType";
    public const string ChunkType = "chunkType";
    public const string MessageSize = "messageSize";
    public const string SecureChannelId = "secureChannelId";
    public const string TokenId = "tokenId";
    public const string SequenceNumber = "sequenceNumber";
    public const string RequestId = "requestId";
    public const string SecurityPolicy = "securityPolicy";
    public const string Encrypted = "encrypted";
    public const string SenderCertificateLength = "senderCertificateLength";
    public const string ReceiverThumbprintLength = "receiverThumbprintLength";
    public const string Service = "service";
    public const string ServiceNodeId = "serviceNodeId";
    public const string Continuation = "continuation";
    public const string Reassembled = "reassembled";
    public const string ChunkCount = "chunkCount";
    public const string ProtocolVersion = "protocolVersion";
    public const string ReceiveBufferSize = "receiveBufferSize";
    public const string SendBufferSize = "sendBufferSize";
    public const string MaxMessageSize = "maxMessageSize";
    public const string MaxChunkCount = "maxChunkCount";
    public const string EndpointUrl = "endpointUrl";
    public const string ServerUri = "serverUri";
    public const string Error = "error";
    public const string ErrorName = "errorName";
    public const string Reason = "reason";
    public const string RequestHandle = "requestHandle";
    public const string StatusCode = "statusCode";
    public const string StatusName = "statusName";
    public const string RequestType = "requestType";
    public const string SecurityMode = "securityMode";
    public const string SessionName = "sessionName";
    public const string ClientApplicationUri = "clientApplicationUri";
    public const string ClientProductUri = "clientProductUri";
    public const string ClientApplicationName = "clientApplicationName";
    public const string UserTokenType = "userTokenType";
    public const string UserName = "userName";
    public const string PolicyId = "policyId";
    public const string ItemCount = "itemCount";
    public const string Endpoints = "endpoints";
    public const string ApplicationUri = "applicationUri";
    public const string ProductUri = "productUri";
    public const string ApplicationName = "applicationName";
    public const string ApplicationType = "applicationType";
    public const string SecurityLevel = "securityLevel";
    public const string UserTokenTypes = "userTokenTypes";
    public const string TransportProfileUri = "transportProfileUri";
    public const string ServerCertificateLength = "serverCertificateLength";

    /// <summary>Stream anomaly: a chunk header with an unknown MessageType/ChunkType or an impossible MessageSize.</summary>
    public const string StreamInvalidHeader = "invalid_header";

    /// <summary>Stream anomaly: resynchronisation found no chunk header within the bound; the flow is given up.</summary>
    public const string StreamNotOpcUa = "not_opcua";
}
