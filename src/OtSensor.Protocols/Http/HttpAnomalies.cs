namespace OtSensor.Protocols.Http;

/// <summary>What was wrong with one HTTP header block. Several bits can be set; the message is still emitted.</summary>
/// <remarks>Bit names are stable: they are written to <c>events.jsonl</c> through <see cref="HttpNames.Anomaly"/>.</remarks>
[Flags]
public enum HttpAnomalies : ulong
{
    None = 0,

    /// <summary>A header line without a colon, or with whitespace before it (RFC 9112 §5.1).</summary>
    BadHeaderLine = 1UL << 0,

    /// <summary>Content-Length that is not a decimal number, or two that disagree (RFC 9112 §6.3).</summary>
    BadContentLength = 1UL << 1,

    /// <summary>Both Transfer-Encoding and Content-Length (RFC 9112 §6.3 ¶3: a smuggling signal).</summary>
    LengthAndChunked = 1UL << 2,

    /// <summary>A method token that is not in the method table (recorded with function 0).</summary>
    UnknownMethod = 1UL << 3,

    /// <summary>A response with no request pending on the flow.</summary>
    UnsolicitedResponse = 1UL << 4,
}
