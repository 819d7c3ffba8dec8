using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Fins;

/// <summary>Registers Omron FINS/TCP (port 9600, and by content on any port).</summary>
public sealed class FinsModule : IProtocolModule
{
    private static readonly ushort[] Ports = [FinsConstants.DefaultPort];

    public ProtocolId Protocol => ProtocolId.Fins;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => true;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => FinsProbe.Recognize(data, direction);

    public IStreamSession? CreateStreamSession() => new FinsSession();

    public IDatagramSession? CreateDatagramSession() => null;
}
