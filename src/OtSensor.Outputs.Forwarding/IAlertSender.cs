using OtSensor.Outputs.Forwarding.Outbox;

namespace OtSensor.Outputs.Forwarding;

/// <summary>One forwarding target (an event hub, a syslog server).</summary>
public interface IAlertSender : IAsyncDisposable
{
    /// <summary>The target as shown in counters and logs, secrets removed; also the outbox's delivery key.</summary>
    string Name { get; }

    /// <summary>Sends entries in the given order, stopping at the first failure; the outcome says which were accepted.</summary>
    Task<SendOutcome> SendAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken);

    /// <summary>Whether this target takes records of the kind (alerts always; device-change and event records are for
    /// Event Hubs, whose table schema has room for them).</summary>
    bool Accepts(RecordKind kind) => kind == RecordKind.Alert;
}
