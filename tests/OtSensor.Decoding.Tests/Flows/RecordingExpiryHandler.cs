using OtSensor.Decoding.Flows;

namespace OtSensor.Decoding.Tests.Flows;

/// <summary>Remembers what each ended flow looked like at its end (the Flow object itself is recycled afterwards).</summary>
internal sealed class RecordingExpiryHandler : IFlowExpiryHandler
{
    public List<(long Id, FlowEndReason Reason, FlowEndpoint Client, FlowEndpoint Server, object? Application)> Ended { get; } = [];

    public void OnFlowEnd(Flow flow, FlowEndReason reason)
        => Ended.Add((flow.Id, reason, flow.Client, flow.Server, flow.Application));
}
