using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.SampledValues;

/// <summary>Registers IEC 61850-9-2 Sampled Values (EtherType 0x88BA, also behind 802.1Q tags, which the engine strips).</summary>
/// <remarks>Routable SV (IEC 61850-90-5, over UDP) is not decoded.</remarks>
public sealed class SampledValuesModule : IFrameModule
{
    private static readonly ushort[] Types = [SampledValuesConstants.EtherType];

    public ProtocolId Protocol => ProtocolId.SampledValues;

    public ReadOnlySpan<ushort> EtherTypes => Types;

    public ReadOnlySpan<byte> LlcSaps => default;

    public IFrameSession CreateFrameSession() => new SampledValuesSession();
}
