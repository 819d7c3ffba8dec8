namespace OtSensor.Analysis.Detection;

/// <summary>
/// The numbers an alert type is tuned with (sensor-reference §3.3 "Threshold" column, e.g. 25 scans in 2 min).
/// </summary>
/// <param name="Count">Events needed within <paramref name="Window"/> (0 when the type fires on one event).</param>
/// <param name="Window">The counting window; also how long a repeat of an open alert counts up on it.</param>
/// <param name="Silence">For unresponsiveness: how long a device must stay silent.</param>
/// <param name="MaxPerMinute">New alerts of this type allowed per minute of capture time (the rest are counted as suppressed).</param>
public sealed record AlertThresholds(int Count, TimeSpan Window, TimeSpan Silence, int MaxPerMinute)
{
    /// <summary>Repeats within ten minutes aggregate (the sensor merges alike alerts within 10 minutes, §3.7).</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(10);
    public const int DefaultMaxPerMinute = 60;

    public static AlertThresholds Default { get; } = new(0, DefaultWindow, TimeSpan.Zero, DefaultMaxPerMinute);
}
