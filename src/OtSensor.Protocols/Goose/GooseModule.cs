using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Goose;

/// <summary>Registers IEC 61850-8-1 GOOSE (EtherType 0x88B8, also behind 802.1Q tags, which the engine strips).</summary>
/// <remarks>Routable GOOSE (IEC 61850-90-5, over UDP) and GSE management (EtherType 0x88B9) are not decoded.</remarks>
public sealed class GooseModule : IFrameModule
{
    private static readonly ushort[] Types = [GooseConstants.EtherType];

    public ProtocolId Protocol => ProtocolId.Goose;

    public ReadOnlySpan<ushort> EtherTypes => Types;

    public ReadOnlySpan<byte> LlcSaps => default;

    public IFrameSession CreateFrameSession() => new GooseSession();
}
