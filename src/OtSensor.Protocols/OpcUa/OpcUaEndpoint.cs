namespace OtSensor.Protocols.OpcUa;

/// <summary>One EndpointDescription (Part 4 §7.10) of a GetEndpoints or CreateSession response, as ranges of the body.</summary>
/// <param name="UserTokenTypes">Bit n set when a UserTokenPolicy of UserTokenType n (0 Anonymous … 3 IssuedToken) is offered.</param>
public readonly record struct OpcUaEndpoint(
    OpcUaRange EndpointUrl,
    OpcUaApplication Server,
    int CertificateLength,
    int SecurityMode,
    OpcUaRange SecurityPolicyUri,
    byte UserTokenTypes,
    OpcUaRange TransportProfileUri,
    byte SecurityLevel);
