using System.Collections.Concurrent;

namespace OtSensor.Outputs.Forwarding;

/// <summary>
/// Counters of the forwarding path that other outputs read (console, API, summary.json): what entered the outbox and,
/// per target, what left it.
/// </summary>
public sealed class ForwardingCounters
{
    private long _queued, _duplicates, _dropped, _refused, _filtered, _outboxFull, _pruned;
    private readonly ConcurrentDictionary<string, TargetCounters> _targets = new(StringComparer.Ordinal);

    public long Queued => Interlocked.Read(ref _queued);
    /// <summary>Alerts offered again with a message id already queued (a re-run of <c>forward</c>): not sent twice.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);
    /// <summary>Waiting alerts dropped by the overflow policy to make room for a more severe one.</summary>
    public long DroppedOnOverflow => Interlocked.Read(ref _dropped);
    /// <summary>Alerts not queued because the outbox was full of alerts at least as severe.</summary>
    public long RefusedOnOverflow => Interlocked.Read(ref _refused);

    /// <summary>Alerts the forwarding rule left out.</summary>
    public long Filtered => Interlocked.Read(ref _filtered);

    /// <summary>Times the outbox filled and queued its own "Forwarding Outbox Full" alert (once per episode).</summary>
    public long OutboxFullAlerts => Interlocked.Read(ref _outboxFull);

    /// <summary>Settled records deleted from the outbox file after the retention.</summary>
    public long Pruned => Interlocked.Read(ref _pruned);

    public IReadOnlyCollection<TargetCounters> Targets => [.. _targets.Values.OrderBy(t => t.Target, StringComparer.Ordinal)];

    public TargetCounters For(string target) => _targets.GetOrAdd(target, t => new TargetCounters(t));

    internal void AddQueued() => Interlocked.Increment(ref _queued);
    internal void AddDuplicate() => Interlocked.Increment(ref _duplicates);
    internal void AddDropped() => Interlocked.Increment(ref _dropped);
    internal void AddRefused() => Interlocked.Increment(ref _refused);
    internal void AddFiltered() => Interlocked.Increment(ref _filtered);
    internal void AddOutboxFullAlert() => Interlocked.Increment(ref _outboxFull);
    internal void AddPruned(long n) => Interlocked.Add(ref _pruned, n);
}
