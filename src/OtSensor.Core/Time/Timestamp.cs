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
    /// <remarks>
    /// Packets arrive many to a second, so the <c>yyyy-MM-ddTHH:mm:ss</c> prefix is formatted once per second
    /// (per thread) and only the six microsecond digits are written each time: this is on the event-log path.
    /// </remarks>
    public int FormatRfc3339Utf8(Span<byte> destination)
    {
        long seconds = Math.DivRem(UnixNanoseconds, 1_000_000_000L, out long nanos);
        if (nanos < 0)
        {
            seconds--;
            nanos += 1_000_000_000L;
        }
        var prefix = t_prefix;
        if (prefix is null || seconds != t_prefixSecond)
        {
            prefix = t_prefix ??= new byte[19];
            DateTime.UnixEpoch.AddSeconds(seconds).TryFormat(prefix, out _, "yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            t_prefixSecond = seconds;
        }
        prefix.CopyTo(destination);
        destination[19] = (byte)'.';
        uint micros = (uint)(nanos / 1000);
        for (int i = 25; i >= 20; i--)
        {
            destination[i] = (byte)('0' + (micros % 10));
            micros /= 10;
        }
        destination[26] = (byte)'Z';
        return 27;
    }

    [ThreadStatic] private static byte[]? t_prefix;
    [ThreadStatic] private static long t_prefixSecond;

    public override string ToString()
    {
        Span<byte> buffer = stackalloc byte[32];
        int n = FormatRfc3339Utf8(buffer);
        return System.Text.Encoding.ASCII.GetString(buffer[..n]);
    }
}
