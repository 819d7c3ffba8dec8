using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.NetBios;

/// <summary>Registers the NetBIOS datagram service (RFC 1002 §4.4, UDP 138) and the browser announcements it carries with the engine; recognised by content on any port.</summary>
public sealed class NetBiosDatagramModule : IProtocolModule
{
    private static readonly ushort[] Ports = [NetBiosConstants.DatagramPort];

    public ProtocolId Protocol => ProtocolId.NetBios;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => false;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => NetBiosProbe.RecognizeDatagram(data);

    public IStreamSession? CreateStreamSession() => null;

    public IDatagramSession? CreateDatagramSession() => new NetBiosSession(datagramService: true);
}
