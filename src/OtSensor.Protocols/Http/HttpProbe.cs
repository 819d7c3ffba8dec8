using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.Http;

/// <summary>Recognises HTTP/1.x by its first line: a request line with a known method, or a status line.</summary>
/// <remarks>
/// RFC 9112 §3–§4. Only methods from the table are accepted by content (an unknown token followed by a URL and
/// "HTTP/1.x" is recognised on ports 80/8080 only through the session). The probe waits for the first CRLF while the
/// bytes so far are a plausible prefix of a start line, up to 8 KiB.
/// </remarks>
public static class HttpProbe
{
    private const int MaxStartLine = 8 * 1024;

    public static ProbeResult Recognize(ReadOnlySpan<byte> data)
    {
        int eol = data.IndexOf("\r\n"u8);
        if (eol < 0)
            return data.Length < MaxStartLine && PlausiblePrefix(data) ? ProbeResult.Incomplete : ProbeResult.Unrecognized;
        var line = data[..eol];
        if (HttpParser.StatusLine(line, out _) >= 0) return ProbeResult.Recognized;
        return HttpParser.RequestLine(line, out _, out _, out _, out _) > 0 ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }

    /// <summary>The bytes could still become "HTTP/1.x …" or "METHOD target HTTP/1.x".</summary>
    private static bool PlausiblePrefix(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return true;
        var http = "HTTP/1."u8;
        if (http[..Math.Min(http.Length, data.Length)].SequenceEqual(data[..Math.Min(http.Length, data.Length)])) return true;
        var methods = HttpConstants.Methods;
        for (int i = 1; i < methods.Length; i++)
        {
            var m = methods[i];
            int n = Math.Min(m.Length + 1, data.Length);
            bool match = true;
            for (int k = 0; k < n && match; k++) match = data[k] == (k < m.Length ? m[k] : ' ');
            if (match) return n < m.Length + 1 || data.IndexOfAny((byte)'\0', (byte)'\n') < 0;
        }
        return false;
    }
}
