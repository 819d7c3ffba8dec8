using System.Text.Json;
using System.Text.Unicode;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.OpcUa;

/// <summary>
/// One opc.tcp chunk (a whole message when it is a single 'F' chunk): transport and security headers, the service
/// type id and the service fields the sensor reports, anomalies, and the frame and body to read values in place.
/// </summary>
/// <remarks>
/// A <c>ref struct</c> valid only during <see cref="Registry.IProtocolEventSink.OnOpcUa"/>. <see cref="Function"/> is the
/// numeric type id of the body (event-log contract: <c>opcua.servicenodeid.numeric</c>) for MSG, OPN and CLO chunks
/// whose body is readable and starts a message; -1 for HEL/ACK/ERR/RHE, encrypted bodies and continuation chunks.
/// For a reassembled multi-chunk message the body is the reassembled message (the last chunk's record carries it).
/// </remarks>
public readonly ref struct OpcUaMessage : IProtocolMessage
{
    private readonly ReadOnlySpan<byte> _frame;
    private readonly ReadOnlySpan<byte> _body;
    private readonly OpcUaDecoded _d;

    internal OpcUaMessage(ReadOnlySpan<byte> frame, ReadOnlySpan<byte> body, scoped in OpcUaDecoded decoded)
    {
        _frame = frame;
        _body = body;
        _d = decoded;
    }

    /// <summary>The same message with more anomaly bits or a reassembled body (set by the session).</summary>
    internal OpcUaMessage With(OpcUaAnomalies anomalies) 
    {
        var d = _d;
        d.Anomalies |= anomalies;
        return new OpcUaMessage(_frame, _body, in d);
    }

    internal OpcUaDecoded Decoded => _d;

    public ProtocolId Protocol => ProtocolId.OpcUa;

    public int Function => HasService && !_d.Has(OpcUaFieldPresence.Continuation) && _d.ServiceNodeId.IsNumeric
        && _d.ServiceNodeId.Numeric <= int.MaxValue ? (int)_d.ServiceNodeId.Numeric : -1;

    public string? FunctionName => Function >= 0 ? _d.ServiceName : null;

    public OtOperation Operation => OpcUaServices.Operation(_d.Kind);

    public bool IsResponse => _d.IsResponse;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public OpcUaAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => OpcUaNames.Anomaly(bit);

    /// <summary>The whole chunk (or, for an oversized chunk, its decoded prefix).</summary>
    public ReadOnlySpan<byte> Frame => _frame;

    /// <summary>The service body from its type NodeId on (the whole chunk for HEL/ACK/ERR/RHE); empty when unreadable.</summary>
    public ReadOnlySpan<byte> Body => _body;

    public OpcUaMessageType MessageType => _d.Type;

    public byte ChunkType => _d.ChunkType;

    public uint MessageSize => _d.MessageSize;

    public bool HasService => _d.Has(OpcUaFieldPresence.Service);

    public OpcUaServiceKind Service => _d.Kind;

    public OpcUaNodeId? ServiceNodeId => HasService ? _d.ServiceNodeId : null;

    public uint? SecureChannelId => _d.Has(OpcUaFieldPresence.SecureChannelId) ? _d.SecureChannelId : null;

    public uint? TokenId => _d.Has(OpcUaFieldPresence.TokenId) ? _d.TokenId : null;

    public uint? SequenceNumber => _d.Has(OpcUaFieldPresence.Sequence) ? _d.SequenceNumber : null;

    public uint? RequestId => _d.Has(OpcUaFieldPresence.Sequence) ? _d.RequestId : null;

    /// <summary>The channel's policy index (<see cref="OpcUaSecurityPolicy"/>).</summary>
    public byte SecurityPolicyIndex => _d.PolicyIndex;

    /// <summary>The SecurityPolicyUri of an OPN's asymmetric header, as sent.</summary>
    public ReadOnlySpan<byte> SecurityPolicyUri => _d.Has(OpcUaFieldPresence.PolicyUri) ? _d.PolicyUri.Of(_frame) : default;

    /// <summary>True when the body is encrypted (OPN on a secured channel, MSG in SignAndEncrypt mode).</summary>
    public bool IsEncrypted => _d.Has(OpcUaFieldPresence.Encrypted);

    public bool IsContinuation => _d.Has(OpcUaFieldPresence.Continuation);

    public bool IsReassembled => _d.Has(OpcUaFieldPresence.Reassembled);

    /// <summary>Hello/ReverseHello/GetEndpoints/CreateSession EndpointUrl.</summary>
    public ReadOnlySpan<byte> EndpointUrl => _d.Has(OpcUaFieldPresence.EndpointUrl) ? _d.EndpointUrl.Of(_body) : default;

    public bool HasEndpointUrl => _d.Has(OpcUaFieldPresence.EndpointUrl) && !_d.EndpointUrl.IsNull;

    public uint? ReceiveBufferSize => _d.Has(OpcUaFieldPresence.TransportParameters) ? _d.ReceiveBufferSize : null;

    public uint? ErrorCode => _d.Has(OpcUaFieldPresence.Error) ? _d.ErrorCode : null;

    public uint? ServiceResult => _d.Has(OpcUaFieldPresence.ServiceResult) ? _d.ServiceResult : null;

    public int? ItemCount => _d.Has(OpcUaFieldPresence.ItemCount) ? _d.ItemCount : null;

    /// <summary>ActivateSession user identity token encoding id (321 Anonymous, 324 UserName, 327 X509, 940 Issued).</summary>
    public uint? IdentityTokenId => _d.Has(OpcUaFieldPresence.IdentityToken) ? _d.IdentityTokenId : null;

    public ReadOnlySpan<byte> UserName => _d.Has(OpcUaFieldPresence.UserName) ? _d.UserName.Of(_body) : default;

    /// <summary>Endpoints of a GetEndpoints or CreateSession response; empty otherwise.</summary>
    public OpcUaEndpoints Endpoints => _d.Has(OpcUaFieldPresence.Endpoints) ? new(_body, _d.EndpointsStart, _d.EndpointCount) : default;

    /// <summary>
    /// A GetEndpoints or CreateSession response describes its sender (the server) in each endpoint's
    /// ApplicationDescription; a CreateSession request describes the client.
    /// </summary>
    public bool HasIdentity => _d.EndpointCount > 0 || (_d.Has(OpcUaFieldPresence.Client) && !_d.IsResponse);

    /// <summary>
    /// ApplicationName → name, ProductUri → product code (Part 4 §7.1: "globally unique identifier for the product").
    /// The first endpoint is taken: a server describes itself identically in each of its endpoints. The
    /// ApplicationUri identifies the instance, not a product, and has no honest inventory field; it stays a detail.
    /// </summary>
    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        OpcUaApplication application;
        if (_d.EndpointCount > 0)
        {
            var e = Endpoints.GetEnumerator();
            if (!e.MoveNext()) return;
            application = e.Current.Server;
        }
        else if (_d.Has(OpcUaFieldPresence.Client) && !_d.IsResponse)
        {
            application = _d.Client;
        }
        else
        {
            return;
        }

        if (application.ApplicationName.Length > 0)
            receiver.OnIdentity(IdentityField.Name, application.ApplicationName.Of(_body), "opcua ApplicationDescription ApplicationName");
        if (application.ProductUri.Length > 0)
            receiver.OnIdentity(IdentityField.ProductCode, application.ProductUri.Of(_body), "opcua ApplicationDescription ProductUri");
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString(OpcUaFields.MessageType, OpcUaNames.MessageType(_d.Type));
        writer.WriteString(OpcUaFields.ChunkType, OpcUaNames.ChunkType(_d.ChunkType));
        writer.WriteNumber(OpcUaFields.MessageSize, _d.MessageSize);
        if (_d.Type is OpcUaMessageType.OpenSecureChannel or OpcUaMessageType.Message or OpcUaMessageType.CloseSecureChannel)
            WriteSecureConversation(writer);

        if (_d.Has(OpcUaFieldPresence.TransportParameters))
        {
            writer.WriteNumber(OpcUaFields.ProtocolVersion, _d.ProtocolVersion);
            writer.WriteNumber(OpcUaFields.ReceiveBufferSize, _d.ReceiveBufferSize);
            writer.WriteNumber(OpcUaFields.SendBufferSize, _d.SendBufferSize);
            writer.WriteNumber(OpcUaFields.MaxMessageSize, _d.MaxMessageSize);
            writer.WriteNumber(OpcUaFields.MaxChunkCount, _d.MaxChunkCount);
        }

        if (_d.Has(OpcUaFieldPresence.Error))
        {
            writer.WriteNumber(OpcUaFields.Error, _d.ErrorCode);
            WriteNameOrNull(writer, OpcUaFields.ErrorName, OpcUaNames.StatusCode(_d.ErrorCode));
            WriteText(writer, OpcUaFields.Reason, _d.Reason, _body);
        }

        if (_d.Has(OpcUaFieldPresence.ServerUri)) WriteText(writer, OpcUaFields.ServerUri, _d.ServerUri, _body);
        if (_d.Has(OpcUaFieldPresence.EndpointUrl)) WriteText(writer, OpcUaFields.EndpointUrl, _d.EndpointUrl, _body);
        if (_d.Has(OpcUaFieldPresence.RequestHandle)) writer.WriteNumber(OpcUaFields.RequestHandle, _d.RequestHandle);
        if (_d.Has(OpcUaFieldPresence.ServiceResult))
        {
            writer.WriteNumber(OpcUaFields.StatusCode, _d.ServiceResult);
            WriteNameOrNull(writer, OpcUaFields.StatusName, OpcUaNames.StatusCode(_d.ServiceResult));
        }

        if (_d.Has(OpcUaFieldPresence.OpenRequest))
        {
            WriteNameOrNull(writer, OpcUaFields.RequestType, OpcUaNames.RequestType(_d.RequestType));
            WriteNameOrNull(writer, OpcUaFields.SecurityMode, OpcUaNames.SecurityMode(_d.SecurityMode));
        }

        if (_d.Has(OpcUaFieldPresence.Client))
        {
            WriteText(writer, OpcUaFields.ClientApplicationUri, _d.Client.ApplicationUri, _body);
            WriteText(writer, OpcUaFields.ClientProductUri, _d.Client.ProductUri, _body);
            WriteText(writer, OpcUaFields.ClientApplicationName, _d.Client.ApplicationName, _body);
        }

        if (_d.Has(OpcUaFieldPresence.SessionName)) WriteText(writer, OpcUaFields.SessionName, _d.SessionName, _body);
        if (_d.Has(OpcUaFieldPresence.IdentityToken))
            WriteNameOrNull(writer, OpcUaFields.UserTokenType, OpcUaNames.IdentityToken(_d.IdentityTokenId));
        if (_d.Has(OpcUaFieldPresence.PolicyId)) WriteText(writer, OpcUaFields.PolicyId, _d.PolicyId, _body);
        if (_d.Has(OpcUaFieldPresence.UserName)) WriteText(writer, OpcUaFields.UserName, _d.UserName, _body);
        if (_d.Has(OpcUaFieldPresence.ItemCount)) writer.WriteNumber(OpcUaFields.ItemCount, _d.ItemCount);
        if (_d.Has(OpcUaFieldPresence.Endpoints)) WriteEndpoints(writer);
    }

    private void WriteSecureConversation(Utf8JsonWriter writer)
    {
        WriteOptional(writer, OpcUaFields.SecureChannelId, OpcUaFieldPresence.SecureChannelId, _d.SecureChannelId);
        WriteOptional(writer, OpcUaFields.TokenId, OpcUaFieldPresence.TokenId, _d.TokenId);
        if (_d.Has(OpcUaFieldPresence.Sequence))
        {
            writer.WriteNumber(OpcUaFields.SequenceNumber, _d.SequenceNumber);
            writer.WriteNumber(OpcUaFields.RequestId, _d.RequestId);
        }
        else
        {
            writer.WriteNull(OpcUaFields.RequestId);
        }

        if (_d.Has(OpcUaFieldPresence.PolicyUri)) WriteText(writer, OpcUaFields.SecurityPolicy, _d.PolicyUri, _frame);
        else WriteNameOrNull(writer, OpcUaFields.SecurityPolicy, OpcUaSecurityPolicy.Uri(_d.PolicyIndex));
        writer.WriteBoolean(OpcUaFields.Encrypted, _d.Has(OpcUaFieldPresence.Encrypted));
        if (_d.Type == OpcUaMessageType.OpenSecureChannel)
        {
            writer.WriteNumber(OpcUaFields.SenderCertificateLength, Math.Max(_d.SenderCertificateLength, 0));
            writer.WriteNumber(OpcUaFields.ReceiverThumbprintLength, Math.Max(_d.ThumbprintLength, 0));
        }

        if (HasService)
        {
            writer.WriteNumber(OpcUaFields.ServiceNodeId, _d.ServiceNodeId.Numeric);
            WriteNameOrNull(writer, OpcUaFields.Service, _d.ServiceName);
        }

        if (_d.Has(OpcUaFieldPresence.Continuation)) writer.WriteBoolean(OpcUaFields.Continuation, true);
        if (_d.Has(OpcUaFieldPresence.Reassembled))
        {
            writer.WriteBoolean(OpcUaFields.Reassembled, true);
            writer.WriteNumber(OpcUaFields.ChunkCount, _d.ChunkCount);
        }
    }

    private void WriteEndpoints(Utf8JsonWriter writer)
    {
        writer.WriteStartArray(OpcUaFields.Endpoints);
        foreach (var e in Endpoints)
        {
            writer.WriteStartObject();
            WriteText(writer, OpcUaFields.EndpointUrl, e.EndpointUrl, _body);
            WriteText(writer, OpcUaFields.ApplicationUri, e.Server.ApplicationUri, _body);
            WriteText(writer, OpcUaFields.ProductUri, e.Server.ProductUri, _body);
            WriteText(writer, OpcUaFields.ApplicationName, e.Server.ApplicationName, _body);
            WriteNameOrNull(writer, OpcUaFields.ApplicationType, OpcUaNames.ApplicationType(e.Server.ApplicationType));
            WriteNameOrNull(writer, OpcUaFields.SecurityMode, OpcUaNames.SecurityMode(e.SecurityMode));
            WriteText(writer, OpcUaFields.SecurityPolicy, e.SecurityPolicyUri, _body);
            writer.WriteStartArray(OpcUaFields.UserTokenTypes);
            for (int t = 0; t < 8; t++)
            {
                if ((e.UserTokenTypes & (1 << t)) == 0) continue;
                var name = OpcUaNames.UserTokenType(t);
                if (name is null) writer.WriteNumberValue(t);
                else writer.WriteStringValue(name);
            }
            writer.WriteEndArray();
            WriteText(writer, OpcUaFields.TransportProfileUri, e.TransportProfileUri, _body);
            writer.WriteNumber(OpcUaFields.SecurityLevel, e.SecurityLevel);
            writer.WriteNumber(OpcUaFields.ServerCertificateLength, e.CertificateLength);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private void WriteOptional(Utf8JsonWriter writer, string name, OpcUaFieldPresence field, uint value)
    {
        if (_d.Has(field)) writer.WriteNumber(name, value);
        else writer.WriteNull(name);
    }

    private static void WriteNameOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }

    /// <summary>
    /// Writes a wire String: UTF-8 as sent when valid (Part 6 §5.2.2.4), otherwise Latin-1 so that every byte is
    /// kept and escaped (Utf8JsonWriter rejects invalid UTF-8). Long strings are cut at 1024 bytes.
    /// </summary>
    private static void WriteText(Utf8JsonWriter writer, string name, OpcUaRange range, ReadOnlySpan<byte> source)
    {
        if (range.IsNull || range.Offset + range.Length > source.Length)
        {
            writer.WriteNull(name);
            return;
        }

        var value = range.Of(source);
        if (value.Length > MaxTextBytes) value = value[..MaxTextBytes];
        if (Utf8.IsValid(value))
        {
            writer.WriteString(name, value);
            return;
        }

        Span<char> chars = stackalloc char[MaxTextBytes];
        for (int i = 0; i < value.Length; i++) chars[i] = (char)value[i];
        writer.WriteString(name, chars[..value.Length]);
    }

    private const int MaxTextBytes = 1024;
}
