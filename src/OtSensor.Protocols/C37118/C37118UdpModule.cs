using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.C37118;

/// <summary>Registers IEEE C37.118.2 synchrophasor frames over UDP (ports 4713 and 4712, and by content on any port).</summary>
public sealed class C37118UdpModule : IProtocolModule
{
    private static readonly ushort[] Ports = [C37118Constants.DefaultUdpPort, C37118Constants.DefaultTcpPort];

    public ProtocolId Protocol => ProtocolId.C37118;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => false;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => C37118Probe.RecognizeDatagram(data, direction);

    public IStreamSession? CreateStreamSession() => null;

    public IDatagramSession? CreateDatagramSession() => new C37118Session();
}
