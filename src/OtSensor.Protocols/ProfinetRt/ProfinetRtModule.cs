using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.ProfinetRt;

/// <summary>Registers the PROFINET RT frame layer (EtherType 0x8892): DCP, RTA alarms, cyclic data.</summary>
/// <remarks>IEC 61158-6-10 §4.2: every RT frame starts with a FrameID that says what follows.</remarks>
public sealed class ProfinetRtModule : IFrameModule
{
    private static readonly ushort[] Types = [ProfinetRtConstants.EtherType];

    public ProtocolId Protocol => ProtocolId.ProfinetIO;

    public ReadOnlySpan<ushort> EtherTypes => Types;

    public ReadOnlySpan<byte> LlcSaps => default;

    public IFrameSession CreateFrameSession() => new ProfinetRtSession();
}
