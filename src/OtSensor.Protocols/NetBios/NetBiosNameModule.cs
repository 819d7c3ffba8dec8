using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.NetBios;

/// <summary>Registers the NetBIOS name service (RFC 1002 §4.2, UDP 137) with the engine; recognised by content on any port.</summary>
public sealed class NetBiosNameModule : IProtocolModule
{
    private static readonly ushort[] Ports = [NetBiosConstants.NameServicePort];

    public ProtocolId Protocol => ProtocolId.NetBios;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => false;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => NetBiosProbe.RecognizeNameService(data);

    public IStreamSession? CreateStreamSession() => null;

    public IDatagramSession? CreateDatagramSession() => new NetBiosSession(datagramService: false);
}
