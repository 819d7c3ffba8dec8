using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Ads;

/// <summary>Registers TwinCAT discovery/route datagrams and AMS/UDP (port 48899, and by content on any port).</summary>
public sealed class AdsUdpModule : IProtocolModule
{
    private static readonly ushort[] Ports = [AdsConstants.DefaultUdpPort];

    public ProtocolId Protocol => ProtocolId.Ads;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => false;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => AdsProbe.RecognizeDatagram(data, direction);

    public IStreamSession? CreateStreamSession() => null;

    public IDatagramSession? CreateDatagramSession() => new AdsSession();
}
