namespace OtSensor.Decoding.Flows;

/// <summary>
/// Told about every flow <see cref="FlowTable"/> ends (idle timeout, LRU eviction, port reuse, shutdown), just
/// before the flow is reset and returned to the pool. An interface rather than a delegate so the engine's
/// handler costs no allocation.
/// </summary>
public interface IFlowExpiryHandler
{
    /// <summary>
    /// Last look at <paramref name="flow"/>: flush its reassembler (<c>flow.Tcp?.Flush(...)</c>), emit the flow
    /// record, return <see cref="Flow.Application"/> state to its pool. Do not keep the reference, and do not
    /// call back into the table.
    /// </summary>
    void OnFlowEnd(Flow flow, FlowEndReason reason);
}
