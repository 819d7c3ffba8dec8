namespace OtSensor.Outputs.Forwarding;

/// <summary>Live delivery counters of one forwarding target; read by the console, the API and summary.json.</summary>
public sealed class TargetCounters
{
    private long _sent, _retried, _failed, _deadLettered, _pending;
    private volatile string? _lastError;

    public TargetCounters(string target) => Target = target;

    /// <summary>The target as shown (secrets removed).</summary>
    public string Target { get; }
    public long Sent => Interlocked.Read(ref _sent);
    /// <summary>Send attempts made after a failed one.</summary>
    public long Retried => Interlocked.Read(ref _retried);
    /// <summary>Send attempts that failed (link down, refused, rejected).</summary>
    public long Failed => Interlocked.Read(ref _failed);
    public long DeadLettered => Interlocked.Read(ref _deadLettered);
    /// <summary>Entries waiting for this target when last looked.</summary>
    public long Pending => Interlocked.Read(ref _pending);
    public string? LastError => _lastError;
    public DateTimeOffset? LastErrorTime { get; private set; }
    /// <summary>When the target last accepted entries (null: not since the process started).</summary>
    public DateTimeOffset? LastSentTime { get; private set; }

    internal void AddSent(long n)
    {
        Interlocked.Add(ref _sent, n);
        if (n > 0) LastSentTime = DateTimeOffset.UtcNow;
    }
    internal void AddRetried() => Interlocked.Increment(ref _retried);
    internal void AddDeadLettered(long n) => Interlocked.Add(ref _deadLettered, n);
    internal void SetPending(long n) => Interlocked.Exchange(ref _pending, n);

    internal void AddFailure(string error)
    {
        Interlocked.Increment(ref _failed);
        _lastError = error;
        LastErrorTime = DateTimeOffset.UtcNow;
    }

    public override string ToString() =>
        $"{Target}: sent {Sent}, pending {Pending}, failed {Failed}, retried {Retried}, dead-lettered {DeadLettered}{(LastError is null ? "" : $", last error: {LastError}")}";
}
