using System.Buffers.Binary;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Srtp;

/// <summary>GE SRTP on one TCP flow: 56-byte headers, each followed by the payload its bytes 4–5 announce.</summary>
/// <remarks>
/// <para>Initialisation messages are 56 bytes. Requests and responses are 56 + payload bytes; a response answers the
/// oldest outstanding request (SRTP is strictly request/response per connection), at most
/// <see cref="SrtpConstants.PendingRequests"/> of them remembered.</para>
/// <para>The layout is reverse engineered, not specified, so there is no resynchronisation: a header that does not
/// check out (or a gap) ends decoding of the flow with one <c>not_srtp</c> stream anomaly.</para>
/// </remarks>
public sealed class SrtpSession : IStreamSession
{
    private readonly int[] _pending = new int[SrtpConstants.PendingRequests];
    private int _head;
    private int _count;
    private bool _lost;

    public StreamResult OnData(ReadOnlySpan<byte> data, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (_lost) return StreamResult.Error(0);
        int offset = 0;
        while (offset < data.Length)
        {
            var rest = data[offset..];
            if (rest.Length < SrtpConstants.HeaderLength) return StreamResult.Incomplete(offset, SrtpConstants.HeaderLength);
            byte type = rest[0];
            int size = SrtpConstants.HeaderLength;
            if (type is SrtpConstants.TypeRequest or SrtpConstants.TypeResponse)
            {
                if (!SrtpProbe.IsHeader(rest)) return NotSrtp(offset, sink);
                size += BinaryPrimitives.ReadUInt16LittleEndian(rest[SrtpConstants.PayloadLengthOffset..]);
            }
            else if (type is not (SrtpConstants.TypeInit or SrtpConstants.TypeInitReply))
            {
                return NotSrtp(offset, sink);
            }
            if (size > rest.Length) return StreamResult.Incomplete(offset, size);
            OnMessage(rest[..size], direction, sink);
            offset += size;
        }
        return StreamResult.Ok(offset);
    }

    public void OnGap(Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (_lost) return;
        _lost = true;
        sink.OnStreamAnomaly(ProtocolId.Srtp, "not_srtp");
    }

    public void Reset()
    {
        _head = 0;
        _count = 0;
        _lost = false;
    }

    private void OnMessage(ReadOnlySpan<byte> bytes, Direction direction, IProtocolEventSink sink)
    {
        var message = SrtpMessage.Parse(bytes, direction);
        if (bytes[0] == SrtpConstants.TypeRequest)
        {
            if (_count == _pending.Length) { _head = (_head + 1) % _pending.Length; _count--; }
            _pending[(_head + _count) % _pending.Length] = message.Function;
            _count++;
        }
        else if (bytes[0] == SrtpConstants.TypeResponse)
        {
            int service = -1;
            if (_count > 0)
            {
                service = _pending[_head];
                _head = (_head + 1) % _pending.Length;
                _count--;
            }
            message = message.WithRequest(service);
        }
        sink.OnSrtp(in message);
    }

    private StreamResult NotSrtp(int offset, IProtocolEventSink sink)
    {
        _lost = true;
        sink.OnStreamAnomaly(ProtocolId.Srtp, "not_srtp");
        return StreamResult.Error(offset);
    }
}
