namespace OtSensor.Protocols.Tests.Http;

/// <summary>Annotated HTTP/1.1 exchanges (RFC 9112), one line per field; bodies are present to be skipped.</summary>
internal static class HttpVectors
{
    /// <summary>Client side: GET, POST with a 5-byte body, HEAD.</summary>
    public static readonly byte[] Requests =
    [
        .. "GET /index.html HTTP/1.1\r\n"u8,                     // request line: GET
        .. "Host: 192.168.0.10\r\n"u8,                           // Host
        .. "User-Agent: curl/8.0\r\n"u8,                         // User-Agent (details only)
        .. "\r\n"u8,                                             // end of header block
        .. "POST /api HTTP/1.1\r\n"u8,                           // request line: POST
        .. "Host: 192.168.0.10\r\n"u8,
        .. "Content-Length: 5\r\n"u8,                            // body length
        .. "\r\n"u8,
        .. "a=1&b"u8,                                            // body (skipped)
        .. "HEAD / HTTP/1.1\r\n"u8,                              // request line: HEAD
        .. "\r\n"u8,
    ];

    /// <summary>Server side: 200 with a length body, 200 chunked, 200 to HEAD announcing a length it does not send.</summary>
    public static readonly byte[] Responses =
    [
        .. "HTTP/1.1 200 OK\r\n"u8,                              // status line
        .. "Server: GoAhead-Webs\r\n"u8,                         // Server → identity
        .. "Content-Length: 4\r\n"u8,
        .. "\r\n"u8,
        .. "<h1>"u8,                                             // body (skipped)
        .. "HTTP/1.1 200 OK\r\n"u8,
        .. "Transfer-Encoding: chunked\r\n"u8,                   // chunked body
        .. "\r\n"u8,
        .. "3;ext=1\r\n"u8, .. "abc\r\n"u8,                       // chunk of 3 with an extension
        .. "0\r\n"u8,                                            // last chunk
        .. "X-Trailer: 1\r\n"u8, .. "\r\n"u8,                     // trailer, end
        .. "HTTP/1.1 200 OK\r\n"u8,                              // response to HEAD
        .. "Content-Length: 1000\r\n"u8,                         // no body follows (RFC 9110 §9.3.2)
        .. "\r\n"u8,
    ];
}
