using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Dns;

/// <summary>DNS, LLMNR or mDNS on one UDP flow: each datagram is one message, decoded alone into one record.</summary>
/// <remarks>
/// RFC 1035 §4.2.1, RFC 4795 §2, RFC 6762 §17: a UDP message is one datagram. No state is kept: the id pairs
/// queries and responses in the log, and pairing here would cost a table per flow for little. A datagram shorter
/// than the header is a stream anomaly, not a record.
/// </remarks>
public sealed class DnsSession(ProtocolId protocol) : IDatagramSession
{
    public ProtocolId Protocol { get; } = protocol;

    public void OnDatagram(ReadOnlySpan<byte> datagram, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _ = direction;
        if (datagram.Length < DnsConstants.HeaderLength)
        {
            sink.OnStreamAnomaly(Protocol, DnsFields.NotDns);
            return;
        }
        var message = new DnsMessage(datagram);
        DnsParser.Parse(datagram, Protocol, out message.Fields);
        sink.OnDns(in message);
    }

    public void Reset()
    {
    }
}
