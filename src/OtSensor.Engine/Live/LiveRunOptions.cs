namespace OtSensor.Engine.Live;

/// <summary>How long a live run lasts and how often it reports.</summary>
public sealed record LiveRunOptions
{
    /// <summary>Stop after this much wall time; null runs until cancelled.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>How often progress (and the kernel counters) are read, in wall-clock time.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Frames analysed between checks of the clock and the cancellation token.</summary>
    public int BatchFrames { get; init; } = 4096;
}
