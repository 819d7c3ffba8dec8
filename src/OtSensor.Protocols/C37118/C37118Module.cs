using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.C37118;

/// <summary>Registers IEEE C37.118.2 synchrophasor streams over TCP (port 4712, and by content on any port).</summary>
public sealed class C37118Module : IProtocolModule
{
    private static readonly ushort[] Ports = [C37118Constants.DefaultTcpPort];

    public ProtocolId Protocol => ProtocolId.C37118;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => true;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => C37118Probe.Recognize(data, direction);

    public IStreamSession? CreateStreamSession() => new C37118Session();

    public IDatagramSession? CreateDatagramSession() => null;
}
