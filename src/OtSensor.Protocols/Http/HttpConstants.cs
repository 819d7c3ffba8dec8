namespace OtSensor.Protocols.Http;

/// <summary>Ports, bounds and method table of HTTP/1.x (RFC 9112).</summary>
public static class HttpConstants
{
    public const ushort Port = 80;
    public const ushort AlternatePort = 8080;

    /// <summary>Longest header block (start line to the empty line) accepted; longer is an anomaly and the direction resyncs.</summary>
    public const int MaxHeaderBlock = 16 * 1024;

    /// <summary>Longest chunk-size line (RFC 9112 §7.1, with extensions).</summary>
    public const int MaxChunkLine = 1024;

    /// <summary>Request methods pending a response, per flow (HEAD responses carry no body: RFC 9110 §9.3.2).</summary>
    public const int MaxPendingRequests = 32;

    /// <summary>Methods by index (the event-log <c>function</c> of a request): 0 is any other token.</summary>
    public static ReadOnlySpan<string> Methods => MethodNames;

    private static readonly string[] MethodNames = ["OTHER", "GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "CONNECT", "TRACE", "PATCH"];

    public const int MethodHead = 3;
    public const int MethodConnect = 7;
}
