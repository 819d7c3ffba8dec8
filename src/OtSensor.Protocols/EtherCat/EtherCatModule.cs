using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.EtherCat;

/// <summary>Registers EtherCAT frames (EtherType 0x88A4) with the engine's layer-2 dispatch.</summary>
/// <remarks>IEC 61158-4-12 / ETG.1000.4 §5.3.1: EtherCAT frames use EtherType 0x88A4.</remarks>
public sealed class EtherCatModule : IFrameModule
{
    private static readonly ushort[] Types = [EtherCatConstants.EtherType];

    public ProtocolId Protocol => ProtocolId.EtherCat;

    public ReadOnlySpan<ushort> EtherTypes => Types;

    public ReadOnlySpan<byte> LlcSaps => default;

    public IFrameSession CreateFrameSession() => new EtherCatFrameSession();
}
