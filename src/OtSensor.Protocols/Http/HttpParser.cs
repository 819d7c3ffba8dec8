using System.Buffers.Text;

namespace OtSensor.Protocols.Http;

/// <summary>Recognises start lines and decodes one HTTP/1.x header block in place.</summary>
/// <remarks>
/// <code>
/// request-line = method SP request-target SP "HTTP/1." DIGIT CRLF          (RFC 9112 §3)
/// status-line  = "HTTP/1." DIGIT SP 3DIGIT SP [ reason-phrase ] CRLF      (RFC 9112 §4)
/// field-line   = field-name ":" OWS field-value OWS CRLF                   (RFC 9112 §5)
/// header block ends with an empty line (CRLF CRLF)
/// </code>
/// Field names are case-insensitive (RFC 9110 §5.1); only Host, User-Agent, Server, Content-Type, Content-Length and
/// Transfer-Encoding are kept. Bodies are never decoded.
/// </remarks>
public static class HttpParser
{
    private static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;

    /// <summary>Index just after the CRLF CRLF that ends the header block, or -1 when it is not in <paramref name="data"/>.</summary>
    public static int FindHeaderEnd(ReadOnlySpan<byte> data)
    {
        int i = data.IndexOf(HeaderEnd);
        return i < 0 ? -1 : i + HeaderEnd.Length;
    }

    /// <summary>Method index of a request line's first token (0 for an unknown token); -1 when <paramref name="line"/> is not a request line.</summary>
    public static int RequestLine(ReadOnlySpan<byte> line, out int methodLength, out int targetOffset, out int targetLength, out int minor)
    {
        targetOffset = targetLength = minor = 0;
        methodLength = line.IndexOf((byte)' ');
        if (methodLength is <= 0 or > 16) return -1;
        foreach (byte b in line[..methodLength])
            if (b is < (byte)'A' or > (byte)'Z' and not (byte)'-' and not (byte)'_') return -1;
        var rest = line[(methodLength + 1)..];
        int sp = rest.LastIndexOf((byte)' ');
        if (sp <= 0) return -1;
        var version = rest[(sp + 1)..];
        if (version.Length != 8 || !version.StartsWith("HTTP/1."u8) || version[7] is < (byte)'0' or > (byte)'9') return -1;
        if (rest[..sp].IndexOfAny((byte)' ', (byte)'\t') >= 0) return -1;
        targetOffset = methodLength + 1;
        targetLength = sp;
        minor = version[7] - '0';
        var method = line[..methodLength];
        var methods = HttpConstants.Methods;
        for (int i = 1; i < methods.Length; i++)
            if (method.Length == methods[i].Length && Equal(method, methods[i])) return i;
        return 0;
    }

    /// <summary>Status code of a status line; -1 when <paramref name="line"/> is not one.</summary>
    public static int StatusLine(ReadOnlySpan<byte> line, out int minor)
    {
        minor = 0;
        if (line.Length < 12 || !line.StartsWith("HTTP/1."u8) || line[7] is < (byte)'0' or > (byte)'9' || line[8] != (byte)' ') return -1;
        if (line.Length > 12 && line[12] != (byte)' ') return -1;
        int code = 0;
        for (int i = 9; i < 12; i++)
        {
            if (line[i] is < (byte)'0' or > (byte)'9') return -1;
            code = (code * 10) + (line[i] - '0');
        }
        minor = line[7] - '0';
        return code is >= 100 and <= 599 ? code : -1;
    }

    /// <summary>Decodes a whole header block (start line through the empty line).</summary>
    internal static bool TryParse(ReadOnlySpan<byte> block, out HttpDecoded d)
    {
        d = default;
        d.ContentLength = -1;
        int eol = block.IndexOf("\r\n"u8);
        if (eol < 0) return false;
        var start = block[..eol];
        int status = StatusLine(start, out int minor);
        if (status >= 0)
        {
            d.IsResponse = true;
            d.Status = status;
            d.VersionMinor = minor;
            if (start.Length > 13) (d.ReasonOffset, d.ReasonLength) = (13, start.Length - 13);
        }
        else
        {
            int method = RequestLine(start, out int methodLength, out int targetOffset, out int targetLength, out minor);
            if (method < 0) return false;
            d.MethodIndex = method;
            (d.MethodOffset, d.MethodLength) = (0, methodLength);
            (d.TargetOffset, d.TargetLength) = (targetOffset, targetLength);
            d.VersionMinor = minor;
            if (method == 0) d.Anomalies |= HttpAnomalies.UnknownMethod;
        }
        int pos = eol + 2;
        while (pos < block.Length)
        {
            int end = block[pos..].IndexOf("\r\n"u8);
            if (end <= 0) break; // the empty line
            Header(block, pos, end, ref d);
            pos += end + 2;
        }
        if (d.Chunked && d.ContentLength >= 0) d.Anomalies |= HttpAnomalies.LengthAndChunked;
        return true;
    }

    private static void Header(ReadOnlySpan<byte> block, int offset, int length, ref HttpDecoded d)
    {
        var line = block.Slice(offset, length);
        int colon = line.IndexOf((byte)':');
        if (colon <= 0 || line[colon - 1] is (byte)' ' or (byte)'\t')
        {
            d.Anomalies |= HttpAnomalies.BadHeaderLine;
            return;
        }
        d.HeaderCount++;
        var name = line[..colon];
        int valueStart = colon + 1;
        while (valueStart < line.Length && line[valueStart] is (byte)' ' or (byte)'\t') valueStart++;
        int valueEnd = line.Length;
        while (valueEnd > valueStart && line[valueEnd - 1] is (byte)' ' or (byte)'\t') valueEnd--;
        int at = offset + valueStart, len = valueEnd - valueStart;
        var value = line[valueStart..valueEnd];
        if (Equal(name, "Host")) { if (d.HostLength == 0) (d.HostOffset, d.HostLength) = (at, len); }
        else if (Equal(name, "User-Agent")) { if (d.UserAgentLength == 0) (d.UserAgentOffset, d.UserAgentLength) = (at, len); }
        else if (Equal(name, "Server")) { if (d.ServerLength == 0) (d.ServerOffset, d.ServerLength) = (at, len); }
        else if (Equal(name, "Content-Type")) { if (d.ContentTypeLength == 0) (d.ContentTypeOffset, d.ContentTypeLength) = (at, len); }
        else if (Equal(name, "Content-Length"))
        {
            if (!Utf8Parser.TryParse(value, out long n, out int used) || used != value.Length || n < 0 || (d.ContentLength >= 0 && d.ContentLength != n))
                d.Anomalies |= HttpAnomalies.BadContentLength;
            else d.ContentLength = n;
        }
        else if (Equal(name, "Transfer-Encoding"))
        {
            // RFC 9112 §6.1: chunked is the final coding when present.
            var v = value;
            int comma = v.LastIndexOf((byte)',');
            if (comma >= 0) v = v[(comma + 1)..].TrimStart((byte)' ');
            if (Equal(v, "chunked")) d.Chunked = true;
        }
    }

    /// <summary>ASCII case-insensitive comparison with a constant token.</summary>
    private static bool Equal(ReadOnlySpan<byte> bytes, string token)
    {
        if (bytes.Length != token.Length) return false;
        for (int i = 0; i < bytes.Length; i++)
        {
            int a = bytes[i] | 0x20, b = token[i] | 0x20;
            if (a != b) return false;
        }
        return true;
    }
}
