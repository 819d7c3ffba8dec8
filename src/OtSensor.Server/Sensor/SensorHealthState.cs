using OtSensor.Capture.Live;

namespace OtSensor.Server.Sensor;

/// <summary>
/// What <c>/health</c> reports of the running sensor, replaced as a whole by the analysis thread about every second
/// (request threads read whichever copy is current, never a half-updated one).
/// </summary>
internal sealed record SensorHealthState
{
    /// <summary>starting, running, stopping, stopped or failed.</summary>
    public required string CaptureState { get; init; }
    public string? CaptureError { get; init; }
    public required IReadOnlyList<LiveCaptureStatistics> Interfaces { get; init; }
    public long RunId { get; init; }
    public long Frames { get; init; }
    public int Devices { get; init; }
    public int Alerts { get; init; }
    public long DropAlerts { get; init; }
    public TimeSpan LearningWindow { get; init; }
    public DateTimeOffset? LearningEnds { get; init; }
    public DateTimeOffset? LastSnapshot { get; init; }
    public long Snapshots { get; init; }
    public string? StoreError { get; init; }

    /// <summary>The traffic ring's counters (null when the ring is off).</summary>
    public (long Written, long Lost, long Failures, string? Error, int Segments, long AlertPcaps)? Ring { get; init; }
}
