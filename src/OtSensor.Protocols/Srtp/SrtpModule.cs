using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Srtp;

/// <summary>Registers GE SRTP over TCP (port 18245, and by content on any port).</summary>
public sealed class SrtpModule : IProtocolModule
{
    private static readonly ushort[] Ports = [SrtpConstants.DefaultPort];

    public ProtocolId Protocol => ProtocolId.Srtp;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => true;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => SrtpProbe.Recognize(data, direction);

    public IStreamSession? CreateStreamSession() => new SrtpSession();

    public IDatagramSession? CreateDatagramSession() => null;
}
