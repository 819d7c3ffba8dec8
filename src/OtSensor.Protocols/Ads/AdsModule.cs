using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Ads;

/// <summary>Registers Beckhoff ADS over AMS/TCP (port 48898, and by content on any port).</summary>
public sealed class AdsModule : IProtocolModule
{
    private static readonly ushort[] Ports = [AdsConstants.DefaultTcpPort];

    public ProtocolId Protocol => ProtocolId.Ads;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => true;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => AdsProbe.Recognize(data, direction);

    public IStreamSession? CreateStreamSession() => new AdsSession();

    public IDatagramSession? CreateDatagramSession() => null;
}
