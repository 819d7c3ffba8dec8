namespace OtSensor.Outputs.Forwarding.Outbox;

/// <summary>What the outbox does with a newcomer once <see cref="OutboxOptions.MaxPending"/> records are waiting.</summary>
/// <remarks>Whatever the policy, enqueue never waits: the choice is only which record is lost, and every loss is counted
/// (<see cref="ForwardingCounters.DroppedOnOverflow"/>, <see cref="ForwardingCounters.RefusedOnOverflow"/>) and raises
/// the sensor's own "Forwarding Outbox Full" alert once per episode.</remarks>
public enum OverflowPolicy
{
    /// <summary>Evict the oldest waiting record of strictly lower severity; when none is, refuse the newcomer. Keeps
    /// what a SOC most needs through a long outage (config <c>drop-least-severe</c>, the default).</summary>
    DropLeastSevere,
    /// <summary>Evict the oldest waiting record whatever its severity: the newest picture wins (config <c>drop-oldest</c>).</summary>
    DropOldest,
    /// <summary>Refuse the newcomer: what was queued first is sent first and complete (config <c>refuse-newest</c>).</summary>
    RefuseNewest,
}
