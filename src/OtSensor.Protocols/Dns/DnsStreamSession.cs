using System.Buffers.Binary;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Dns;

/// <summary>DNS over TCP: messages behind a two-byte length (RFC 1035 §4.2.2, RFC 7766 §8), one record each.</summary>
/// <remarks>
/// The length is the only framing, so after a gap a direction cannot find the next message boundary: that direction's
/// bytes are consumed without records until the flow ends (a stream anomaly says so once). A length below the header
/// size means the stream is not DNS: the session reports it and gives up.
/// </remarks>
public sealed class DnsStreamSession : IStreamSession
{
    private bool _lostToServer;
    private bool _lostToClient;

    public StreamResult OnData(ReadOnlySpan<byte> data, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (direction == Direction.ToServer ? _lostToServer : _lostToClient) return StreamResult.Ok(data.Length);
        int offset = 0;
        while (true)
        {
            var rest = data[offset..];
            if (rest.Length < DnsConstants.TcpLengthPrefix) return StreamResult.Incomplete(offset, DnsConstants.TcpLengthPrefix);
            int length = BinaryPrimitives.ReadUInt16BigEndian(rest);
            if (length < DnsConstants.HeaderLength)
            {
                sink.OnStreamAnomaly(ProtocolId.Dns, DnsFields.BadTcpLength);
                return StreamResult.Error(offset);
            }
            int frame = DnsConstants.TcpLengthPrefix + length;
            if (rest.Length < frame) return StreamResult.Incomplete(offset, frame);
            var body = rest.Slice(DnsConstants.TcpLengthPrefix, length);
            var message = new DnsMessage(body);
            DnsParser.Parse(body, ProtocolId.Dns, out message.Fields);
            sink.OnDns(in message);
            offset += frame;
        }
    }

    public void OnGap(Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (direction == Direction.ToServer) _lostToServer = true;
        else _lostToClient = true;
        sink.OnStreamAnomaly(ProtocolId.Dns, DnsFields.LostFraming);
    }

    public void Reset()
    {
        _lostToServer = false;
        _lostToClient = false;
    }
}
