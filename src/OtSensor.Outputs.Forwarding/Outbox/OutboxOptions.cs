namespace OtSensor.Outputs.Forwarding.Outbox;

/// <summary>Bounds and housekeeping of the outbox.</summary>
public sealed class OutboxOptions
{
    /// <summary>Records waiting for at least one target beyond which <see cref="AlertOutbox"/> applies
    /// <see cref="Overflow"/>.</summary>
    public int MaxPending { get; init; } = 100_000;

    /// <summary>Which record is lost when the outbox is full.</summary>
    public OverflowPolicy Overflow { get; init; } = OverflowPolicy.DropLeastSevere;

    /// <summary>Failed attempts after which an entry that fails for a reason of its own (not the link) is dead-lettered.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>How long a record settled for every target (sent, dead-lettered or dropped) stays in the file before
    /// <see cref="AlertOutbox.Prune"/> deletes it. Also the horizon of "nothing sent twice" for a run offered again:
    /// a pruned message id is no longer known.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Sensor name in the outbox's own operational alert.</summary>
    public string Sensor { get; init; } = Environment.MachineName;
}
