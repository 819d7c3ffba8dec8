namespace OtSensor.Outputs.Forwarding.Outbox;

/// <summary>Bounds of the outbox.</summary>
public sealed class OutboxOptions
{
    /// <summary>Alerts waiting for at least one target beyond which <see cref="AlertOutbox"/> applies its overflow
    /// policy (drop the oldest least-severe waiting alert for a more severe newcomer, else refuse the newcomer).</summary>
    public int MaxPending { get; init; } = 100_000;

    /// <summary>Failed attempts after which an entry that fails for a reason of its own (not the link) is dead-lettered.</summary>
    public int MaxAttempts { get; init; } = 8;
}
