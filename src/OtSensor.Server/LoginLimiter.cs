namespace OtSensor.Server;

/// <summary>
/// Login rate limit per client address and user name: after <see cref="MaxFailures"/> failed logins within a minute,
/// further attempts from that client for that user are refused (429) until the oldest failure is a minute old. A
/// success clears the count.
/// </summary>
internal sealed class LoginLimiter(TimeProvider time)
{
    public const int MaxFailures = 5;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    public bool IsBlocked(string client, string user)
    {
        lock (_lock)
        {
            if (!_failures.TryGetValue(Key(client, user), out var queue)) return false;
            Expire(queue);
            return queue.Count >= MaxFailures;
        }
    }

    public void Failed(string client, string user)
    {
        lock (_lock)
        {
            if (_failures.Count > 100_000) _failures.Clear();
            var key = Key(client, user);
            if (!_failures.TryGetValue(key, out var queue)) _failures[key] = queue = new Queue<DateTimeOffset>();
            Expire(queue);
            queue.Enqueue(time.GetUtcNow());
        }
    }

    public void Succeeded(string client, string user)
    {
        lock (_lock) _failures.Remove(Key(client, user));
    }

    private void Expire(Queue<DateTimeOffset> queue)
    {
        var cutoff = time.GetUtcNow() - Window;
        while (queue.Count > 0 && queue.Peek() < cutoff) queue.Dequeue();
    }

    private static string Key(string client, string user) => client + "\n" + user.ToUpperInvariant();
}
