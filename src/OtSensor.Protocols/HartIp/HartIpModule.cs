using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.HartIp;

/// <summary>Registers HART-IP over TCP with the engine (port 5094, and by content on any port).</summary>
/// <remarks>HCF_SPEC-85: HART-IP servers listen on TCP and UDP 5094.</remarks>
public sealed class HartIpModule : IProtocolModule
{
    private static readonly ushort[] Ports = [HartIpConstants.DefaultPort];

    public ProtocolId Protocol => ProtocolId.HartIp;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => true;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => HartIpProbe.Recognize(data, direction);

    public IStreamSession? CreateStreamSession() => new HartIpSession();

    public IDatagramSession? CreateDatagramSession() => null;
}
