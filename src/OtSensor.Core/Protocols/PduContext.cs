using OtSensor.Core.Net;
using OtSensor.Core.Time;

namespace OtSensor.Core.Protocols;

/// <summary>Where and when a PDU was seen: the packet that completed it and its flow's endpoints.</summary>
public readonly struct PduContext
{
    public Timestamp Timestamp { get; init; }
    public long FrameNumber { get; init; }
    public long FlowId { get; init; }
    /// <summary>True when the sender is the flow's client (request direction).</summary>
    public bool FromClient { get; init; }
    public IPAddressBytes Source { get; init; }
    public IPAddressBytes Destination { get; init; }
    public MacAddress SourceMac { get; init; }
    public MacAddress DestinationMac { get; init; }
    /// <summary>True for layer-2-only protocols: addresses are the MACs, ports are absent.</summary>
    public bool IsLayer2 { get; init; }
    public ushort SourcePort { get; init; }
    public ushort DestinationPort { get; init; }
}
