using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.HartIp;

/// <summary>Registers HART-IP over UDP with the engine (port 5094, and by content on any port).</summary>
/// <remarks>HCF_SPEC-85: HART-IP servers listen on TCP and UDP 5094.</remarks>
public sealed class HartIpUdpModule : IProtocolModule
{
    private static readonly ushort[] Ports = [HartIpConstants.DefaultPort];

    public ProtocolId Protocol => ProtocolId.HartIp;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => false;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => HartIpProbe.RecognizeDatagram(data, direction);

    public IStreamSession? CreateStreamSession() => null;

    public IDatagramSession? CreateDatagramSession() => new HartIpSession();
}
