using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Snmp;

/// <summary>SNMP on one UDP flow: one message per datagram (RFC 3417 §2), one record each; no state.</summary>
public sealed class SnmpSession : IDatagramSession
{
    public void OnDatagram(ReadOnlySpan<byte> datagram, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _ = direction;
        if (datagram.IsEmpty || datagram[0] != SnmpConstants.TagSequence)
        {
            sink.OnStreamAnomaly(ProtocolId.Snmp, SnmpFields.NotSnmp);
            return;
        }
        var message = new SnmpMessage(datagram);
        SnmpParser.Parse(datagram, out message.Fields);
        sink.OnSnmp(in message);
    }

    public void Reset()
    {
    }
}
