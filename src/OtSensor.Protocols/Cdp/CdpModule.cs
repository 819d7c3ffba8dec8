using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Cdp;

/// <summary>Registers CDP as a layer-2 protocol on LLC SAP 0xAA (SNAP); the session checks the Cisco OUI and PID.</summary>
public sealed class CdpModule : IFrameModule
{
    private static readonly byte[] Saps = [CdpConstants.SnapSap];

    public ProtocolId Protocol => ProtocolId.Cdp;

    public ReadOnlySpan<ushort> EtherTypes => default;

    public ReadOnlySpan<byte> LlcSaps => Saps;

    public IFrameSession CreateFrameSession() => new CdpSession();
}
