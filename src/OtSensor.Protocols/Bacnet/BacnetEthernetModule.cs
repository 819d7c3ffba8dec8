using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Bacnet;

/// <summary>Registers BACnet over Ethernet with the engine: 802.3 frames whose LLC DSAP is 0x82 (ASHRAE 135 clause 7).</summary>
public sealed class BacnetEthernetModule : IFrameModule
{
    private static readonly byte[] Saps = [BacnetConstants.LlcSap];

    public ProtocolId Protocol => ProtocolId.Bacnet;

    public ReadOnlySpan<ushort> EtherTypes => [];

    public ReadOnlySpan<byte> LlcSaps => Saps;

    public IFrameSession CreateFrameSession() => new BacnetEthernetSession();
}
