namespace OtSensor.Outputs.Forwarding;

/// <summary>Send loop tuning.</summary>
public sealed class ForwarderOptions
{
    /// <summary>Entries taken from the outbox per send call.</summary>
    public int BatchSize { get; init; } = 500;
    /// <summary>First retry delay; doubles per consecutive failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>How often an idle loop looks at the outbox without being woken.</summary>
    public TimeSpan IdlePoll { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>How often settled records older than the outbox retention are pruned (also once at start).</summary>
    public TimeSpan PruneInterval { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>Which alerts are queued at all (shared by every target).</summary>
    public ForwardRule Rule { get; init; } = ForwardRule.All;
}
