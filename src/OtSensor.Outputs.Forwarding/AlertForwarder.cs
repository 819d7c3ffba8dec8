using System.Net.Sockets;
using OtSensor.Outputs.Forwarding.Outbox;

namespace OtSensor.Outputs.Forwarding;

/// <summary>
/// Drains the outbox to its targets: one background loop per target, so a slow or dead target delays only itself and
/// never the thread that enqueues.
/// </summary>
/// <remarks>
/// <para>Each loop takes the oldest pending entries of its target, sends them, marks what was accepted and leaves the
/// rest pending. After a failure it waits <c>min(MaxBackoff, InitialBackoff·2^(n−1))</c> scaled by a random factor in
/// [0.5, 1] ("equal jitter": many sensors coming back after an outage do not retry in step).</para>
/// <para>A failure of the link (transient) is retried without limit: an outage of a day loses nothing while the
/// outbox has room. A failure an entry causes itself counts an attempt on the head entry; at
/// <see cref="OutboxOptions.MaxAttempts"/> it is dead-lettered with the reason and the key moves on.</para>
/// </remarks>
public sealed class AlertForwarder : IAsyncDisposable
{
    private readonly AlertOutbox _outbox;
    private readonly IReadOnlyList<IAlertSender> _senders;
    private readonly ForwarderOptions _options;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly SemaphoreSlim[] _wake;

    public AlertForwarder(AlertOutbox outbox, IReadOnlyList<IAlertSender> senders, ForwarderOptions? options = null)
    {
        _outbox = outbox;
        _senders = senders;
        _options = options ?? new ForwarderOptions();
        _wake = new SemaphoreSlim[senders.Count];
        for (int i = 0; i < senders.Count; i++)
        {
            _wake[i] = new SemaphoreSlim(0, 1);
            var counters = outbox.Counters.For(senders[i].Name);
            counters.SetPending(outbox.PendingCount(senders[i].Name));
        }
        // The outbox's own alert goes to every target that takes alerts, whatever record filled it.
        outbox.OperationalTargets = TargetsFor(RecordKind.Alert);
    }

    public ForwardingCounters Counters => _outbox.Counters;

    /// <summary>Target names (the outbox delivery keys) in sender order.</summary>
    public IReadOnlyList<string> Targets => [.. _senders.Select(s => s.Name)];

    /// <summary>The targets that take records of a kind (every target takes alerts).</summary>
    public IReadOnlyList<string> TargetsFor(RecordKind kind) => [.. _senders.Where(s => s.Accepts(kind)).Select(s => s.Name)];

    /// <summary>Starts the send loops and the pruning of settled records.</summary>
    public void Start()
    {
        for (int i = 0; i < _senders.Count; i++)
        {
            int index = i;
            _loops.Add(Task.Run(() => LoopAsync(index, _stop.Token)));
        }
        _loops.Add(Task.Run(() => PruneLoopAsync(_stop.Token)));
    }

    /// <summary>Queues a record for every target that takes its kind and wakes the loops; never waits for a send.
    /// Null when the rule (<see cref="ForwarderOptions.Rule"/>) leaves it out or no target takes it.</summary>
    public EnqueueResult? Enqueue(OutboundAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (!_options.Rule.Matches(alert))
        {
            _outbox.Counters.AddFiltered();
            return null;
        }
        var targets = TargetsFor(alert.Kind);
        if (targets.Count == 0) return null;
        var result = _outbox.Enqueue(alert, targets);
        Wake();
        return result;
    }

    /// <summary>Queues a finished run's records that the rule takes, each for the targets of its kind; returns how
    /// many were queued.</summary>
    public int EnqueueRange(IEnumerable<OutboundAlert> alerts)
    {
        var chosen = new Dictionary<RecordKind, List<OutboundAlert>>();
        foreach (var alert in alerts)
        {
            if (!_options.Rule.Matches(alert))
            {
                _outbox.Counters.AddFiltered();
                continue;
            }
            if (!chosen.TryGetValue(alert.Kind, out var list)) chosen[alert.Kind] = list = [];
            list.Add(alert);
        }
        int n = 0;
        foreach (var (kind, list) in chosen)
        {
            var targets = TargetsFor(kind);
            if (targets.Count > 0) n += _outbox.EnqueueRange(list, targets);
        }
        Wake();
        return n;
    }

    public void Wake()
    {
        foreach (var w in _wake)
        {
            try
            {
                w.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    /// <summary>Waits until no target has pending entries, or the timeout; true when drained.</summary>
    public async Task<bool> DrainAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var end = DateTime.UtcNow + timeout;
        while (true)
        {
            bool empty = true;
            foreach (var sender in _senders) empty &= _outbox.PendingCount(sender.Name) == 0;
            if (empty) return true;
            if (DateTime.UtcNow >= end) return false;
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task LoopAsync(int index, CancellationToken stop)
    {
        var sender = _senders[index];
        var counters = _outbox.Counters.For(sender.Name);
        int failures = 0;
        while (!stop.IsCancellationRequested)
        {
            IReadOnlyList<OutboxEntry> entries;
            try
            {
                entries = _outbox.Pending(sender.Name, _options.BatchSize);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            if (entries.Count == 0)
            {
                counters.SetPending(0);
                if (!await WaitAsync(_wake[index], _options.IdlePoll, stop).ConfigureAwait(false)) return;
                continue;
            }
            if (failures > 0) counters.AddRetried();
            SendOutcome outcome;
            try
            {
                outcome = await sender.SendAsync(entries, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A sender bug or an exception type it did not classify: treat as the head entry's own failure.
                outcome = new SendOutcome { Error = e, Transient = e is SocketException or IOException or UnauthorizedAccessException };
            }
            _outbox.MarkSent(sender.Name, outcome.Accepted);
            counters.AddSent(outcome.Accepted.Count);
            foreach (var (seq, reason) in outcome.Rejected)
            {
                _outbox.DeadLetter(sender.Name, [seq], reason);
                counters.AddDeadLettered(1);
            }
            counters.SetPending(_outbox.PendingCount(sender.Name));
            if (outcome.Error is null)
            {
                failures = 0;
                continue;
            }
            failures++;
            var failure = Describe(outcome.Error);
            counters.AddFailure(failure);
            if (!outcome.Transient)
            {
                var head = FirstUnsettled(entries, outcome);
                if (head is not null && _outbox.RecordFailedAttempt(sender.Name, head.Sequence, failure))
                {
                    _outbox.DeadLetter(sender.Name, [head.Sequence], $"after {_outbox.Options.MaxAttempts} attempts: {failure}");
                    counters.AddDeadLettered(1);
                }
            }
            if (!await DelayAsync(Backoff(failures), stop).ConfigureAwait(false)) return;
        }
    }

    private async Task PruneLoopAsync(CancellationToken stop)
    {
        do
        {
            try
            {
                _outbox.Prune(DateTimeOffset.UtcNow);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
        while (await DelayAsync(_options.PruneInterval, stop).ConfigureAwait(false));
    }

    private static OutboxEntry? FirstUnsettled(IReadOnlyList<OutboxEntry> entries, SendOutcome outcome)
    {
        var settled = new HashSet<long>(outcome.Accepted);
        foreach (var (seq, _) in outcome.Rejected) settled.Add(seq);
        foreach (var entry in entries)
            if (!settled.Contains(entry.Sequence)) return entry;
        return null;
    }

    /// <summary>Exponential backoff with equal jitter for the <paramref name="failures"/>-th consecutive failure.</summary>
    public TimeSpan Backoff(int failures)
    {
        double exp = Math.Min(30, Math.Max(0, failures - 1));
        double ms = Math.Min(_options.MaxBackoff.TotalMilliseconds, _options.InitialBackoff.TotalMilliseconds * Math.Pow(2, exp));
        return TimeSpan.FromMilliseconds(ms * (0.5 + Random.Shared.NextDouble() * 0.5));
    }

    /// <summary>One line for counters and the console: type and message, never a connection string.</summary>
    private static string Describe(Exception e)
    {
        var message = e.Message.ReplaceLineEndings(" ");
        int secret = message.IndexOf("SharedAccessKey", StringComparison.OrdinalIgnoreCase);
        if (secret >= 0) message = message[..secret] + "[secret removed]";
        return $"{e.GetType().Name}: {(message.Length > 300 ? message[..300] : message)}";
    }

    private static async Task<bool> WaitAsync(SemaphoreSlim wake, TimeSpan timeout, CancellationToken stop)
    {
        try
        {
            await wake.WaitAsync(timeout, stop).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Stops the loops (pending entries stay in the outbox for the next start) and disposes the senders.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        foreach (var sender in _senders) await sender.DisposeAsync().ConfigureAwait(false);
        foreach (var w in _wake) w.Dispose();
        _stop.Dispose();
    }
}
