using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.EtherCat;

/// <summary>Registers EtherCAT over UDP (port 0x88A4 = 34980, and by strict content on any port).</summary>
/// <remarks>ETG.1000.4 §5.3.2: the EtherCAT frame follows the UDP header unchanged.</remarks>
public sealed class EtherCatUdpModule : IProtocolModule
{
    private static readonly ushort[] Ports = [EtherCatConstants.UdpPort];

    public ProtocolId Protocol => ProtocolId.EtherCat;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => false;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => EtherCatProbe.Recognize(data, direction);

    public IStreamSession? CreateStreamSession() => null;

    public IDatagramSession? CreateDatagramSession() => new EtherCatUdpSession();
}
