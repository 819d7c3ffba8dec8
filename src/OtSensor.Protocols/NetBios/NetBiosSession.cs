using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.NetBios;

/// <summary>NetBIOS name service or datagram service on one UDP flow: one record per datagram, no state.</summary>
/// <remarks>RFC 1002 §4.2 and §4.4: every message is one datagram; fragments of a datagram (§4.4.2 FIRST/MORE flags) are recorded one by one.</remarks>
public sealed class NetBiosSession(bool datagramService) : IDatagramSession
{
    public bool DatagramService { get; } = datagramService;

    public void OnDatagram(ReadOnlySpan<byte> datagram, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _ = direction;
        if (datagram.Length < NetBiosConstants.DatagramHeaderLength)
        {
            sink.OnStreamAnomaly(ProtocolId.NetBios, NetBiosFields.NotNetBios);
            return;
        }
        var message = new NetBiosMessage(datagram);
        if (DatagramService) NetBiosParser.ParseDatagram(datagram, out message.Fields);
        else NetBiosParser.ParseNameService(datagram, out message.Fields);
        sink.OnNetBios(in message);
    }

    public void Reset()
    {
    }
}
