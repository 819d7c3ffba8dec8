using System.Buffers.Text;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Http;

/// <summary>HTTP/1.x on one TCP flow: one record per header block; bodies are skipped by length, chunks or close.</summary>
/// <remarks>
/// <para>RFC 9112 §6.3 message body length: a response to HEAD, a 1xx, 204 or 304 has none; Transfer-Encoding chunked
/// is followed chunk by chunk (sizes only, data skipped, §7.1); else Content-Length; else a response runs to the
/// close and a request has none. CONNECT and 101 Switching Protocols turn the flow into an opaque tunnel.</para>
/// <para>Bodies are never buffered: their bytes are consumed as they arrive. Only a header block is held until whole,
/// up to <see cref="HttpConstants.MaxHeaderBlock"/>. After a gap, an oversized block or garbage, the direction
/// resynchronises on the next line that is a start line.</para>
/// </remarks>
public sealed class HttpSession : IStreamSession
{
    private readonly State _toServer = new();
    private readonly State _toClient = new();
    private readonly byte[] _pending = new byte[HttpConstants.MaxPendingRequests];
    private int _pendingHead;
    private int _pendingCount;

    public StreamResult OnData(ReadOnlySpan<byte> data, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var s = direction == Direction.ToServer ? _toServer : _toClient;
        int offset = 0;
        while (offset < data.Length)
        {
            var rest = data[offset..];
            switch (s.Mode)
            {
                case Mode.Tunnel:
                    return StreamResult.Ok(data.Length);
                case Mode.Body or Mode.ChunkData:
                    int take = (int)Math.Min(s.Remaining, rest.Length);
                    offset += take;
                    s.Remaining -= take;
                    if (s.Remaining == 0) s.Mode = s.Mode == Mode.Body ? Mode.Headers : Mode.Chunk;
                    break;
                case Mode.Chunk or Mode.Trailer:
                    int eol = rest[..Math.Min(rest.Length, HttpConstants.MaxChunkLine)].IndexOf("\r\n"u8);
                    if (eol < 0)
                    {
                        if (rest.Length < HttpConstants.MaxChunkLine) return StreamResult.Incomplete(offset, rest.Length + 1);
                        sink.OnStreamAnomaly(ProtocolId.Http, HttpFields.BadChunk);
                        s.Mode = Mode.Resync;
                        break;
                    }
                    offset += eol + 2;
                    if (s.Mode == Mode.Trailer)
                    {
                        if (eol == 0) s.Mode = Mode.Headers;
                        break;
                    }
                    if (!TryChunkSize(rest[..eol], out long size))
                    {
                        sink.OnStreamAnomaly(ProtocolId.Http, HttpFields.BadChunk);
                        s.Mode = Mode.Resync;
                        break;
                    }
                    if (size == 0) s.Mode = Mode.Trailer;
                    else (s.Mode, s.Remaining) = (Mode.ChunkData, size + 2);
                    break;
                case Mode.Resync:
                    int found = FindStartLine(rest, out bool partial);
                    if (found < 0)
                    {
                        // Keep an unfinished last line: it may become a start line with the next segment.
                        if (partial) return StreamResult.Incomplete(offset + LastLineStart(rest), rest.Length - LastLineStart(rest) + 1);
                        return StreamResult.Ok(data.Length);
                    }
                    offset += found;
                    s.Mode = Mode.Headers;
                    break;
                default:
                    int end = HttpParser.FindHeaderEnd(rest[..Math.Min(rest.Length, HttpConstants.MaxHeaderBlock)]);
                    if (end < 0)
                    {
                        int firstLine = rest.IndexOf("\r\n"u8);
                        bool startOk = firstLine < 0 ? HttpProbe.Recognize(rest) != ProbeResult.Unrecognized : IsStartLine(rest[..firstLine]);
                        if (!startOk)
                        {
                            sink.OnStreamAnomaly(ProtocolId.Http, HttpFields.Resync);
                            s.Mode = Mode.Resync;
                            offset += firstLine < 0 ? 0 : firstLine + 2;
                            if (firstLine < 0) return StreamResult.Ok(data.Length);
                            break;
                        }
                        if (rest.Length < HttpConstants.MaxHeaderBlock) return StreamResult.Incomplete(offset, rest.Length + 1);
                        sink.OnStreamAnomaly(ProtocolId.Http, HttpFields.HeaderTooLong);
                        s.Mode = Mode.Resync;
                        offset += firstLine + 2;
                        break;
                    }
                    var block = rest[..end];
                    if (!HttpParser.TryParse(block, out var d))
                    {
                        sink.OnStreamAnomaly(ProtocolId.Http, HttpFields.Resync);
                        s.Mode = Mode.Resync;
                        offset += block.IndexOf("\r\n"u8) + 2;
                        break;
                    }
                    offset += end;
                    NextBody(s, ref d);
                    var message = new HttpMessage(block, in d);
                    sink.OnHttp(in message);
                    break;
            }
        }
        return StreamResult.Ok(offset);
    }

    /// <summary>Sets what follows a header block, pairing responses with the methods of pending requests.</summary>
    private void NextBody(State s, ref HttpDecoded d)
    {
        if (!d.IsResponse)
        {
            if (_pendingCount < _pending.Length)
            {
                _pending[(_pendingHead + _pendingCount) % _pending.Length] = (byte)d.MethodIndex;
                _pendingCount++;
            }
            if (d.MethodIndex == HttpConstants.MethodConnect) s.Mode = Mode.Tunnel;
            else if (d.Chunked) s.Mode = Mode.Chunk;
            else if (d.ContentLength > 0) (s.Mode, s.Remaining) = (Mode.Body, d.ContentLength);
            else s.Mode = Mode.Headers;
            return;
        }
        int method = -1;
        if (d.Status is < 100 or >= 200 || d.Status == 101)
        {
            if (_pendingCount > 0)
            {
                method = _pending[_pendingHead];
                _pendingHead = (_pendingHead + 1) % _pending.Length;
                _pendingCount--;
            }
            else d.Anomalies |= HttpAnomalies.UnsolicitedResponse;
        }
        if (d.Status == 101 || (method == HttpConstants.MethodConnect && d.Status is >= 200 and < 300)) s.Mode = Mode.Tunnel;
        else if (method == HttpConstants.MethodHead || d.Status is < 200 or 204 or 304) s.Mode = Mode.Headers;
        else if (d.Chunked) s.Mode = Mode.Chunk;
        else if (d.ContentLength >= 0) (s.Mode, s.Remaining) = d.ContentLength == 0 ? (Mode.Headers, 0L) : (Mode.Body, d.ContentLength);
        else s.Mode = Mode.Tunnel; // read until close (RFC 9112 §6.3 ¶8)
    }

    private static bool IsStartLine(ReadOnlySpan<byte> line)
        => HttpParser.StatusLine(line, out _) >= 0 || HttpParser.RequestLine(line, out _, out _, out _, out _) > 0;

    /// <summary>Offset of the first line (at the start or after a CRLF) that is a start line; -1 when none is whole.</summary>
    private static int FindStartLine(ReadOnlySpan<byte> data, out bool partial)
    {
        partial = false;
        int lineStart = 0;
        while (lineStart < data.Length)
        {
            int eol = data[lineStart..].IndexOf("\r\n"u8);
            if (eol < 0)
            {
                partial = data.Length - lineStart < HttpConstants.MaxChunkLine;
                return -1;
            }
            if (IsStartLine(data.Slice(lineStart, eol))) return lineStart;
            lineStart += eol + 2;
        }
        return -1;
    }

    private static int LastLineStart(ReadOnlySpan<byte> data)
    {
        int i = data.LastIndexOf("\r\n"u8);
        return i < 0 ? 0 : i + 2;
    }

    /// <summary>chunk-size = 1*HEXDIG, optionally followed by ";" extensions (RFC 9112 §7.1.1).</summary>
    private static bool TryChunkSize(ReadOnlySpan<byte> line, out long size)
    {
        int semicolon = line.IndexOf((byte)';');
        if (semicolon >= 0) line = line[..semicolon];
        line = line.TrimEnd((byte)' ');
        return Utf8Parser.TryParse(line, out size, out int used, 'x') && used == line.Length && line.Length <= 15 && size >= 0;
    }

    public void OnGap(Direction direction, IProtocolEventSink sink)
    {
        var s = direction == Direction.ToServer ? _toServer : _toClient;
        if (s.Mode != Mode.Tunnel) s.Mode = Mode.Resync;
    }

    public void Reset()
    {
        _toServer.Reset();
        _toClient.Reset();
        _pendingHead = 0;
        _pendingCount = 0;
    }

    private enum Mode : byte { Headers, Body, Chunk, ChunkData, Trailer, Resync, Tunnel }

    private sealed class State
    {
        public Mode Mode;
        public long Remaining;

        public void Reset()
        {
            Mode = Mode.Headers;
            Remaining = 0;
        }
    }
}
