using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Dns;

/// <summary>Registers DNS over TCP (port 53; RFC 1035 §4.2.2, RFC 7766) with the engine.</summary>
public sealed class DnsTcpModule : IProtocolModule
{
    private static readonly ushort[] Ports = [DnsConstants.DnsPort];

    public ProtocolId Protocol => ProtocolId.Dns;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => true;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => DnsProbe.RecognizeStream(data);

    public IStreamSession? CreateStreamSession() => new DnsStreamSession();

    public IDatagramSession? CreateDatagramSession() => null;
}
