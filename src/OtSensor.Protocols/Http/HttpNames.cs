namespace OtSensor.Protocols.Http;

/// <summary>Static names for HTTP methods, status codes and anomaly bits.</summary>
public static class HttpNames
{
    private static readonly string[] Anomalies = ["bad_header_line", "bad_content_length", "length_and_chunked", "unknown_method", "unsolicited_response"];

    public static string? Method(int index) => (uint)index < (uint)HttpConstants.Methods.Length ? HttpConstants.Methods[index] : null;

    /// <summary>Reason phrase of common status codes (RFC 9110 §15); null for others.</summary>
    public static string? Status(int code) => code switch
    {
        100 => "Continue", 101 => "Switching Protocols", 200 => "OK", 201 => "Created", 202 => "Accepted", 204 => "No Content",
        206 => "Partial Content", 301 => "Moved Permanently", 302 => "Found", 303 => "See Other", 304 => "Not Modified",
        307 => "Temporary Redirect", 308 => "Permanent Redirect", 400 => "Bad Request", 401 => "Unauthorized", 403 => "Forbidden",
        404 => "Not Found", 405 => "Method Not Allowed", 408 => "Request Timeout", 409 => "Conflict", 411 => "Length Required",
        413 => "Content Too Large", 415 => "Unsupported Media Type", 426 => "Upgrade Required", 429 => "Too Many Requests",
        500 => "Internal Server Error", 501 => "Not Implemented", 502 => "Bad Gateway", 503 => "Service Unavailable", 504 => "Gateway Timeout",
        _ => null,
    };

    /// <summary>Stable name of one <see cref="HttpAnomalies"/> bit.</summary>
    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";
}
