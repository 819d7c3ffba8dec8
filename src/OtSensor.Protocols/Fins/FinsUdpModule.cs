using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Fins;

/// <summary>Registers Omron FINS/UDP (port 9600, and by content on any port).</summary>
public sealed class FinsUdpModule : IProtocolModule
{
    private static readonly ushort[] Ports = [FinsConstants.DefaultPort];

    public ProtocolId Protocol => ProtocolId.Fins;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => false;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => FinsProbe.RecognizeDatagram(data, direction);

    public IStreamSession? CreateStreamSession() => null;

    public IDatagramSession? CreateDatagramSession() => new FinsSession();
}
