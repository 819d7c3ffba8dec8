namespace OtSensor.Protocols.Http;

/// <summary>Stable names of the keys <see cref="HttpMessage.WriteDetails"/> writes and of the session's stream anomalies.</summary>
public static class HttpFields
{
    public const string Method = "method";
    public const string Target = "target";
    public const string Version = "version";
    public const string Status = "status";
    public const string Reason = "reason";
    public const string Host = "host";
    public const string UserAgent = "userAgent";
    public const string Server = "server";
    public const string ContentType = "contentType";
    public const string ContentLength = "contentLength";
    public const string Chunked = "chunked";
    public const string HeaderCount = "headerCount";
    public const string HeaderLength = "headerLength";

    /// <summary>Stream anomaly: a header block longer than <see cref="HttpConstants.MaxHeaderBlock"/>.</summary>
    public const string HeaderTooLong = "header_too_long";

    /// <summary>Stream anomaly: bytes that are neither a start line nor a body; skipped to the next start line.</summary>
    public const string Resync = "resync";

    /// <summary>Stream anomaly: a chunk-size line that is not hexadecimal or too long.</summary>
    public const string BadChunk = "bad_chunk";
}
