using System.Text.Json;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Naming;

namespace OtSensor.Protocols.Http;

/// <summary>One HTTP/1.x header block: the request line or status line and the naming headers (bodies are skipped).</summary>
/// <remarks>
/// A <c>ref struct</c> over the header block, valid only during <see cref="Registry.IProtocolEventSink.OnHttp"/>.
/// Event-log contract: <c>function</c> is the method index for a request (1 GET, 2 POST, 3 HEAD, 4 PUT, 5 DELETE,
/// 6 OPTIONS, 7 CONNECT, 8 TRACE, 9 PATCH, 0 other) and the status code for a response. Identity: a response's
/// Server header names the server's software platform (RFC 9110 §10.2.4) → operating system. User-Agent is written
/// in details only: browsers and libraries say little reliable about the device.
/// </remarks>
public readonly ref struct HttpMessage : IProtocolMessage
{
    private const string ServerSource = "http Server header";

    private readonly ReadOnlySpan<byte> _block;
    private readonly HttpDecoded _d;

    internal HttpMessage(ReadOnlySpan<byte> block, scoped in HttpDecoded decoded)
    {
        _block = block;
        _d = decoded;
    }

    public ProtocolId Protocol => ProtocolId.Http;

    public int Function => _d.IsResponse ? _d.Status : _d.MethodIndex;

    public string? FunctionName => _d.IsResponse ? HttpNames.Status(_d.Status) : HttpNames.Method(_d.MethodIndex);

    public OtOperation Operation => _d.IsResponse ? OtOperation.None : _d.MethodIndex switch
    {
        1 or 3 => OtOperation.Read,
        2 or 4 or 5 or 9 => OtOperation.Write,
        _ => OtOperation.Other,
    };

    public bool IsResponse => _d.IsResponse;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public HttpAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => HttpNames.Anomaly(bit);

    public ReadOnlySpan<byte> Server => _block.Slice(_d.ServerOffset, _d.ServerLength);

    public ReadOnlySpan<byte> Host => _block.Slice(_d.HostOffset, _d.HostLength);

    public ReadOnlySpan<byte> UserAgent => _block.Slice(_d.UserAgentOffset, _d.UserAgentLength);

    public bool HasIdentity => _d.IsResponse && _d.ServerLength > 0;

    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (HasIdentity) receiver.OnIdentity(IdentityField.OperatingSystem, Server, ServerSource);
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> version = ['1', '.', (char)('0' + _d.VersionMinor)];
        writer.WriteString(HttpFields.Version, version);
        if (_d.IsResponse)
        {
            writer.WriteNumber(HttpFields.Status, _d.Status);
            if (_d.ReasonLength > 0) NamingJson.WriteText(writer, HttpFields.Reason, _block.Slice(_d.ReasonOffset, _d.ReasonLength));
        }
        else
        {
            NamingJson.WriteText(writer, HttpFields.Method, _block.Slice(_d.MethodOffset, _d.MethodLength));
            NamingJson.WriteText(writer, HttpFields.Target, _block.Slice(_d.TargetOffset, _d.TargetLength));
        }
        if (_d.HostLength > 0) NamingJson.WriteText(writer, HttpFields.Host, Host);
        if (_d.UserAgentLength > 0) NamingJson.WriteText(writer, HttpFields.UserAgent, UserAgent);
        if (_d.ServerLength > 0) NamingJson.WriteText(writer, HttpFields.Server, Server);
        if (_d.ContentTypeLength > 0) NamingJson.WriteText(writer, HttpFields.ContentType, _block.Slice(_d.ContentTypeOffset, _d.ContentTypeLength));
        if (_d.ContentLength >= 0) writer.WriteNumber(HttpFields.ContentLength, _d.ContentLength);
        if (_d.Chunked) writer.WriteBoolean(HttpFields.Chunked, true);
        writer.WriteNumber(HttpFields.HeaderCount, _d.HeaderCount);
        writer.WriteNumber(HttpFields.HeaderLength, _block.Length);
    }
}
