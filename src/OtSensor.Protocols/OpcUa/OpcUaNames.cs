namespace OtSensor.Protocols.OpcUa;

/// <summary>Display names of OPC UA codes, one static string per value (no allocation, no <c>Enum.ToString</c>).</summary>
/// <remarks>
/// Message types are the three wire letters (tshark's <c>opcua.transport.type</c>); status code names are the
/// symbolic names of the OPC Foundation StatusCode.csv (Part 4 §7.34, Part 6 §7.1.5) for the codes seen in practice.
/// </remarks>
public static class OpcUaNames
{
    private static readonly string[] Anomalies =
    [
        "message_too_short", "invalid_chunk_type", "truncated", "invalid_length", "invalid_node_id_encoding",
        "unknown_service", "invalid_array_length", "diagnostic_too_deep", "unknown_protocol_version",
        "buffer_size_too_small", "endpoint_url_too_long", "reassembly_overflow", "oversized_chunk", "unexpected_direction",
    ];

    /// <summary>"HEL", "ACK", "ERR", "RHE", "OPN", "MSG" or "CLO".</summary>
    public static string MessageType(OpcUaMessageType type) => type switch
    {
        OpcUaMessageType.Hello => "HEL",
        OpcUaMessageType.Acknowledge => "ACK",
        OpcUaMessageType.Error => "ERR",
        OpcUaMessageType.ReverseHello => "RHE",
        OpcUaMessageType.OpenSecureChannel => "OPN",
        OpcUaMessageType.Message => "MSG",
        OpcUaMessageType.CloseSecureChannel => "CLO",
        _ => "unknown",
    };

    /// <summary>"F" (final), "C" (intermediate) or "A" (abort).</summary>
    public static string ChunkType(byte chunk) => chunk switch
    {
        (byte)'F' => "F",
        (byte)'C' => "C",
        (byte)'A' => "A",
        _ => "?",
    };

    /// <summary>Stable name of one <see cref="OpcUaAnomalies"/> bit.</summary>
    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";

    /// <summary>MessageSecurityMode (Part 4 §7.15).</summary>
    public static string? SecurityMode(int mode) => mode switch
    {
        0 => "Invalid",
        1 => "None",
        2 => "Sign",
        3 => "SignAndEncrypt",
        _ => null,
    };

    /// <summary>ApplicationType (Part 4 §7.1).</summary>
    public static string? ApplicationType(int type) => type switch
    {
        0 => "Server",
        1 => "Client",
        2 => "ClientAndServer",
        3 => "DiscoveryServer",
        _ => null,
    };

    /// <summary>UserTokenType of a UserTokenPolicy (Part 4 §7.37).</summary>
    public static string? UserTokenType(int type) => type switch
    {
        0 => "Anonymous",
        1 => "UserName",
        2 => "Certificate",
        3 => "IssuedToken",
        _ => null,
    };

    /// <summary>The user identity token of ActivateSession, by its ExtensionObject encoding id (Part 4 §7.36).</summary>
    public static string? IdentityToken(uint encodingId) => encodingId switch
    {
        OpcUaConstants.AnonymousIdentityToken => "Anonymous",
        OpcUaConstants.UserNameIdentityToken => "UserName",
        OpcUaConstants.X509IdentityToken => "X509",
        OpcUaConstants.IssuedIdentityToken => "IssuedToken",
        _ => null,
    };

    /// <summary>SecurityTokenRequestType of OpenSecureChannel (Part 4 §5.5.2.2).</summary>
    public static string? RequestType(int type) => type switch
    {
        0 => "Issue",
        1 => "Renew",
        _ => null,
    };

    /// <summary>Symbolic name of a StatusCode (the low 16 info bits ignored); null when not in the table.</summary>
    public static string? StatusCode(uint code) => (code & 0xFFFF0000) switch
    {
        0x00000000 => "Good",
        0x40000000 => "Uncertain",
        0x80000000 => "Bad",
        0x80010000 => "BadUnexpectedError",
        0x80020000 => "BadInternalError",
        0x80030000 => "BadOutOfMemory",
        0x80040000 => "BadResourceUnavailable",
        0x80050000 => "BadCommunicationError",
        0x80060000 => "BadEncodingError",
        0x80070000 => "BadDecodingError",
        0x80080000 => "BadEncodingLimitsExceeded",
        0x80090000 => "BadUnknownResponse",
        0x800A0000 => "BadTimeout",
        0x800B0000 => "BadServiceUnsupported",
        0x800C0000 => "BadShutdown",
        0x800D0000 => "BadServerNotConnected",
        0x800E0000 => "BadServerHalted",
        0x800F0000 => "BadNothingToDo",
        0x80100000 => "BadTooManyOperations",
        0x80110000 => "BadDataTypeIdUnknown",
        0x80120000 => "BadCertificateInvalid",
        0x80130000 => "BadSecurityChecksFailed",
        0x80140000 => "BadCertificateTimeInvalid",
        0x80150000 => "BadCertificateIssuerTimeInvalid",
        0x80160000 => "BadCertificateHostNameInvalid",
        0x80170000 => "BadCertificateUriInvalid",
        0x80180000 => "BadCertificateUseNotAllowed",
        0x80190000 => "BadCertificateIssuerUseNotAllowed",
        0x801A0000 => "BadCertificateUntrusted",
        0x801B0000 => "BadCertificateRevocationUnknown",
        0x801C0000 => "BadCertificateIssuerRevocationUnknown",
        0x801D0000 => "BadCertificateRevoked",
        0x801E0000 => "BadCertificateIssuerRevoked",
        0x801F0000 => "BadUserAccessDenied",
        0x80200000 => "BadIdentityTokenInvalid",
        0x80210000 => "BadIdentityTokenRejected",
        0x80220000 => "BadSecureChannelIdInvalid",
        0x80230000 => "BadInvalidTimestamp",
        0x80240000 => "BadNonceInvalid",
        0x80250000 => "BadSessionIdInvalid",
        0x80260000 => "BadSessionClosed",
        0x80270000 => "BadSessionNotActivated",
        0x80280000 => "BadSubscriptionIdInvalid",
        0x802A0000 => "BadRequestHeaderInvalid",
        0x802B0000 => "BadTimestampsToReturnInvalid",
        0x802C0000 => "BadRequestCancelledByClient",
        0x80310000 => "BadNoCommunication",
        0x80320000 => "BadWaitingForInitialData",
        0x80330000 => "BadNodeIdInvalid",
        0x80340000 => "BadNodeIdUnknown",
        0x80350000 => "BadAttributeIdInvalid",
        0x80360000 => "BadIndexRangeInvalid",
        0x80370000 => "BadIndexRangeNoData",
        0x80380000 => "BadDataEncodingInvalid",
        0x80390000 => "BadDataEncodingUnsupported",
        0x803A0000 => "BadNotReadable",
        0x803B0000 => "BadNotWritable",
        0x803C0000 => "BadOutOfRange",
        0x803D0000 => "BadNotSupported",
        0x803E0000 => "BadNotFound",
        0x803F0000 => "BadObjectDeleted",
        0x80400000 => "BadNotImplemented",
        0x804A0000 => "BadContinuationPointInvalid",
        0x804B0000 => "BadNoContinuationPoints",
        0x80530000 => "BadRequestTypeInvalid",
        0x80540000 => "BadSecurityModeRejected",
        0x80550000 => "BadSecurityPolicyRejected",
        0x80560000 => "BadTooManySessions",
        0x80570000 => "BadUserSignatureInvalid",
        0x80580000 => "BadApplicationSignatureInvalid",
        0x80590000 => "BadNoValidCertificates",
        0x80740000 => "BadTypeMismatch",
        0x80750000 => "BadMethodInvalid",
        0x80760000 => "BadArgumentsMissing",
        0x80770000 => "BadTooManySubscriptions",
        0x80780000 => "BadTooManyPublishRequests",
        0x80790000 => "BadNoSubscription",
        0x807A0000 => "BadSequenceNumberUnknown",
        0x807B0000 => "BadMessageNotAvailable",
        0x807D0000 => "BadTcpServerTooBusy",
        0x807E0000 => "BadTcpMessageTypeInvalid",
        0x807F0000 => "BadTcpSecureChannelUnknown",
        0x80800000 => "BadTcpMessageTooLarge",
        0x80810000 => "BadTcpNotEnoughResources",
        0x80820000 => "BadTcpInternalError",
        0x80830000 => "BadTcpEndpointUrlInvalid",
        0x80840000 => "BadRequestInterrupted",
        0x80850000 => "BadRequestTimeout",
        0x80860000 => "BadSecureChannelClosed",
        0x80870000 => "BadSecureChannelTokenUnknown",
        0x80880000 => "BadSequenceNumberInvalid",
        0x80BE0000 => "BadProtocolVersionUnsupported",
        0x80E60000 => "BadSecurityModeInsufficient",
        _ => null,
    };
}
