namespace OtSensor.Protocols.OpcUa;

/// <summary>Which optional fields of <see cref="OpcUaDecoded"/> were read from the chunk.</summary>
[Flags]
internal enum OpcUaFieldPresence : uint
{
    None = 0,
    SecureChannelId = 1u << 0,
    TokenId = 1u << 1,
    Sequence = 1u << 2,
    Service = 1u << 3,
    Encrypted = 1u << 4,
    TransportParameters = 1u << 5,
    EndpointUrl = 1u << 6,
    ServerUri = 1u << 7,
    Error = 1u << 8,
    RequestHandle = 1u << 9,
    ServiceResult = 1u << 10,
    OpenRequest = 1u << 11,
    SessionName = 1u << 12,
    Client = 1u << 13,
    IdentityToken = 1u << 14,
    UserName = 1u << 15,
    ItemCount = 1u << 16,
    Endpoints = 1u << 17,
    Reassembled = 1u << 18,
    Continuation = 1u << 19,
    PolicyUri = 1u << 20,
    PolicyId = 1u << 21,
}
