using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Lldp;

/// <summary>Registers LLDP (EtherType 0x88CC, IEEE Std 802.1AB-2016 §7.1) as a layer-2 protocol.</summary>
public sealed class LldpModule : IFrameModule
{
    private static readonly ushort[] Types = [LldpConstants.EtherType];

    public ProtocolId Protocol => ProtocolId.Lldp;

    public ReadOnlySpan<ushort> EtherTypes => Types;

    public ReadOnlySpan<byte> LlcSaps => default;

    public IFrameSession CreateFrameSession() => new LldpSession();
}
