using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Dhcp;

/// <summary>Registers DHCP with the engine (UDP 67 and 68, and by the magic cookie on any port).</summary>
/// <remarks>
/// Both ports are listed so that a server's reply to port 68, which opens a flow of its own, keeps the sender as
/// the flow's first side; whether a message is a reply comes from its <c>op</c> field.
/// </remarks>
public sealed class DhcpModule : IProtocolModule
{
    private static readonly ushort[] Ports = [DhcpConstants.ServerPort, DhcpConstants.ClientPort];

    public ProtocolId Protocol => ProtocolId.Dhcp;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => false;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => DhcpProbe.Recognize(data, direction);

    public IStreamSession? CreateStreamSession() => null;

    public IDatagramSession? CreateDatagramSession() => new DhcpSession();
}
