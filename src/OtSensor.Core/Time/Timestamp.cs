namespace OtSensor.Core.Time;

/// <summary>Packet time: nanoseconds since the Unix epoch, UTC. Capture time only, never the wall clock.</summary>
public readonly record struct Timestamp(long UnixNanoseconds) : IComparable<Timestamp>
{
    public static readonly Timestamp MinValue = new(long.MinValue);
    public static readonly Timestamp MaxValue = new(long.MaxValue);

    public static Timestamp FromSeconds(long seconds, long nanoseconds) => new((seconds * 1_000_000_000L) + nanoseconds);
    public static Timestamp FromDateTime(DateTime utc) => new((utc.ToUniversalTime() - DateTime.UnixEpoch).Ticks * 100);

    public long UnixMilliseconds => Math.DivRem(UnixNanoseconds, 1_000_000L, out long r) - (r < 0 ? 1 : 0);
    public DateTime ToDateTime() => DateTime.UnixEpoch.AddTicks(UnixNanoseconds / 100);
    public TimeSpan Subtract(Timestamp other) => TimeSpan.FromTicks((UnixNanoseconds - other.UnixNanoseconds) / 100);
    public Timestamp Add(TimeSpan span) => new(UnixNanoseconds + (span.Ticks * 100));

    public int CompareTo(Timestamp other) => UnixNanoseconds.CompareTo(other.UnixNanoseconds);
    public static bool operator <(Timestamp a, Timestamp b) => a.UnixNanoseconds < b.UnixNanoseconds;
    public static bool operator >(Timestamp a, Timestamp b) => a.UnixNanoseconds > b.UnixNanoseconds;
    public static bool operator <=(Timestamp a, Timestamp b) => a.UnixNanoseconds <= b.UnixNanoseconds;
    public static bool operator >=(Timestamp a, Timestamp b) => a.UnixNanoseconds >= b.UnixNanoseconds;

    /// <summary>RFC 3339 UTC with microseconds, e.g. <c>2012-11-12T11:03:00.264365Z</c> (27 bytes).</summary>
    public int FormatRfc3339Utf8(Span<byte> destination)
    {
        var dt = ToDateTime();
        dt.TryFormat(destination, out int n, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return n;
    }

    public override string ToString()
    {
        Span<byte> buffer = stackalloc byte[32];
        int n = FormatRfc3339Utf8(buffer);
        return System.Text.Encoding.ASCII.GetString(buffer[..n]);
    }
}
