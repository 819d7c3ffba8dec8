using OtSensor.Outputs.Forwarding.Outbox;

namespace OtSensor.Outputs.Forwarding.Config;

/// <summary>
/// The forwarding configuration: targets, the shared rule, which records go out, and the outbox. Read from a
/// <c>forwarding.json</c> file or from the <c>forwarding</c> section of a larger configuration
/// (<see cref="ForwardingConfigReader"/>), so a sensor service's config can embed it as is.
/// </summary>
public sealed record ForwardingConfig
{
    /// <summary>Sensor name in the records; null: the host name (or the command line's).</summary>
    public string? Sensor { get; init; }
    /// <summary>Outbox file, absolute (a relative path in the file is taken from the file's folder); null: the command's default.</summary>
    public string? OutboxPath { get; init; }
    public OutboxOptions Outbox { get; init; } = new();
    public ForwardRule Rule { get; init; } = ForwardRule.All;
    /// <summary>Also send device-change records (Event Hubs targets; <c>device-change.schema.json</c>).</summary>
    public bool DeviceChanges { get; init; }
    /// <summary>Also send decoded protocol event records (Event Hubs targets; <c>event.schema.json</c>).</summary>
    public bool Events { get; init; }
    public IReadOnlyList<TargetConfig> Targets { get; init; } = [];
}
