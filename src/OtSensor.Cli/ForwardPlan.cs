using OtSensor.Outputs.Forwarding;
using OtSensor.Outputs.Forwarding.Outbox;

namespace OtSensor.Cli;

/// <summary>What a forwarding run does, from the command line and the configuration file together: the senders, the
/// rule, the outbox and which records go out.</summary>
internal sealed class ForwardPlan
{
    public required List<IAlertSender> Senders { get; init; }
    public required ForwardRule Rule { get; init; }
    /// <summary>From the configuration; null: the command's own choice.</summary>
    public string? Sensor { get; init; }
    /// <summary>From the configuration; null: the command's default.</summary>
    public string? OutboxPath { get; init; }
    public OutboxOptions Outbox { get; init; } = new();
    public bool DeviceChanges { get; init; }
    public bool Events { get; init; }

    public void DisposeSenders()
    {
        foreach (var s in Senders) s.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
