using System.Buffers.Binary;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Tls;

/// <summary>TLS on one TCP flow: cleartext handshake messages are reassembled across records and recorded one each.</summary>
/// <remarks>
/// <code>
/// record: type (1) | version (2) | length (2) | fragment      (RFC 8446 §5.1; RFC 5246 §6.2.1)
/// </code>
/// Only handshake records before ChangeCipherSpec are read; application data, alerts, heartbeats and everything after
/// ChangeCipherSpec (or after a TLS 1.3 ServerHello, whose later handshake is encrypted) are skipped as they arrive,
/// never buffered. Handshake fragments are gathered in a per-direction buffer, allocated on the flow's first split
/// message and bounded by <see cref="TlsConstants.MaxHandshakeMessage"/>. A header that is not TLS, or a gap, stops
/// the direction (record boundaries cannot be found again).
/// </remarks>
public sealed class TlsSession : IStreamSession
{
    private readonly State _toServer = new();
    private readonly State _toClient = new();
    private bool _serverHelloSeen;

    /// <summary>RFC 8446 §4.1.3: SHA-256("HelloRetryRequest"), the random of a HelloRetryRequest.</summary>
    private static ReadOnlySpan<byte> HelloRetryRandom =>
    [
        0xCF, 0x21, 0xAD, 0x74, 0xE5, 0x9A, 0x61, 0x11, 0xBE, 0x1D, 0x8C, 0x02, 0x1E, 0x65, 0xB8, 0x91,
        0xC2, 0xA2, 0x11, 0x16, 0x7A, 0xBB, 0x8C, 0x5E, 0x07, 0x9E, 0x09, 0xE2, 0xC8, 0xA8, 0x33, 0x9C,
    ];

    public StreamResult OnData(ReadOnlySpan<byte> data, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var s = direction == Direction.ToServer ? _toServer : _toClient;
        bool fromServer = direction == Direction.ToClient;
        int offset = 0;
        while (offset < data.Length)
        {
            if (s.Lost) return StreamResult.Ok(data.Length);
            var rest = data[offset..];
            if (s.Skip > 0)
            {
                int take = (int)Math.Min(s.Skip, rest.Length);
                s.Skip -= take;
                offset += take;
                continue;
            }
            if (rest.Length < TlsConstants.RecordHeaderLength) return StreamResult.Incomplete(offset, TlsConstants.RecordHeaderLength);
            byte type = rest[0];
            int length = BinaryPrimitives.ReadUInt16BigEndian(rest[3..]);
            if (type is < TlsConstants.ContentChangeCipherSpec or > TlsConstants.ContentHeartbeat || rest[1] != 3 || rest[2] > 4 || length > TlsConstants.MaxRecordLength)
            {
                sink.OnStreamAnomaly(ProtocolId.Tls, TlsFields.NotTls);
                s.Lost = true;
                return StreamResult.Ok(data.Length);
            }
            // A ChangeCipherSpec before the (final) ServerHello is TLS 1.3's middlebox-compatibility record (RFC 8446 §D.4).
            if (type == TlsConstants.ContentChangeCipherSpec && _serverHelloSeen) s.Encrypted = true;
            if (type != TlsConstants.ContentHandshake || s.Encrypted || _toClient.Tls13)
            {
                s.Skip = TlsConstants.RecordHeaderLength + length;
                continue;
            }
            int record = TlsConstants.RecordHeaderLength + length;
            if (rest.Length < record) return StreamResult.Incomplete(offset, record);
            Handshake(s, rest.Slice(TlsConstants.RecordHeaderLength, length), fromServer, sink);
            offset += record;
        }
        return StreamResult.Ok(offset);
    }

    /// <summary>Emits the whole handshake messages of a fragment, gathering split ones in the direction's buffer.</summary>
    private void Handshake(State s, ReadOnlySpan<byte> fragment, bool fromServer, IProtocolEventSink sink)
    {
        if (s.Buffered == 0)
        {
            int used = EmitWhole(s, fragment, fromServer, sink);
            fragment = fragment[used..];
            if (fragment.IsEmpty || s.Skip > 0) return;
        }
        s.Buffer ??= new byte[TlsConstants.MaxHandshakeMessage + TlsConstants.HandshakeHeaderLength];
        if (fragment.Length > s.Buffer.Length - s.Buffered)
        {
            sink.OnStreamAnomaly(ProtocolId.Tls, TlsFields.HandshakeTooLong);
            s.Buffered = 0;
            return;
        }
        fragment.CopyTo(s.Buffer.AsSpan(s.Buffered));
        s.Buffered += fragment.Length;
        int consumed = EmitWhole(s, s.Buffer.AsSpan(0, s.Buffered), fromServer, sink);
        s.Buffer.AsSpan(consumed, s.Buffered - consumed).CopyTo(s.Buffer);
        s.Buffered -= consumed;
    }

    /// <summary>Emits each whole handshake message at the start of <paramref name="data"/>; returns the bytes used.</summary>
    private int EmitWhole(State s, ReadOnlySpan<byte> data, bool fromServer, IProtocolEventSink sink)
    {
        int pos = 0;
        while (data.Length - pos >= TlsConstants.HandshakeHeaderLength)
        {
            int length = (data[pos + 1] << 16) | (data[pos + 2] << 8) | data[pos + 3];
            if (length > TlsConstants.MaxHandshakeMessage)
            {
                sink.OnStreamAnomaly(ProtocolId.Tls, TlsFields.HandshakeTooLong);
                s.Lost = true;
                return data.Length;
            }
            int total = TlsConstants.HandshakeHeaderLength + length;
            if (data.Length - pos < total) break;
            var bytes = data.Slice(pos, total);
            TlsParser.Parse(bytes, out var decoded);
            var message = new TlsMessage(bytes, in decoded, fromServer);
            sink.OnTls(in message);
            // RFC 8446 §4.1.3: a ServerHello choosing 1.3 means every later handshake message is encrypted; a
            // HelloRetryRequest (§4.1.4: a ServerHello with the special random) is followed by a second cleartext hello.
            if (decoded.Type == TlsConstants.ServerHello && bytes.Length >= 38 && !bytes.Slice(6, 32).SequenceEqual(HelloRetryRandom))
            {
                _serverHelloSeen = true;
                if (decoded.SupportedVersion == TlsConstants.Tls13) _toClient.Tls13 = true;
            }
            pos += total;
        }
        return pos;
    }

    public void OnGap(Direction direction, IProtocolEventSink sink)
    {
        var s = direction == Direction.ToServer ? _toServer : _toClient;
        s.Lost = true;
    }

    public void Reset()
    {
        _toServer.Reset();
        _toClient.Reset();
        _serverHelloSeen = false;
    }

    private sealed class State
    {
        public bool Lost;
        public bool Encrypted;
        public bool Tls13;
        public long Skip;
        public byte[]? Buffer;
        public int Buffered;

        public void Reset()
        {
            Lost = Encrypted = Tls13 = false;
            Skip = 0;
            Buffered = 0;
        }
    }
}
