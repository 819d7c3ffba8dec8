using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Dhcp;

/// <summary>DHCP on one UDP flow: each datagram is one message, decoded alone into one record.</summary>
/// <remarks>
/// RFC 2131 §4.1: messages never span datagrams, and the transaction is already named by <c>xid</c> in every
/// record, so the session keeps no state. A datagram shorter than the fixed BOOTP header is a stream anomaly.
/// </remarks>
public sealed class DhcpSession : IDatagramSession
{
    public void OnDatagram(ReadOnlySpan<byte> datagram, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _ = direction;
        if (datagram.Length < DhcpConstants.FixedHeaderLength)
        {
            sink.OnStreamAnomaly(ProtocolId.Dhcp, DhcpFields.NotDhcp);
            return;
        }
        var message = new DhcpMessage(datagram);
        DhcpParser.Parse(datagram, out message.Fields);
        sink.OnDhcp(in message);
    }

    public void Reset()
    {
    }
}
