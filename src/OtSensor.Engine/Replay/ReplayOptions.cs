namespace OtSensor.Engine.Replay;

/// <summary>How a capture is played: <see cref="Speed"/> times real time (0 = as fast as possible), once or in a loop.</summary>
public sealed record ReplayOptions(double Speed, bool Loop)
{
    /// <summary>How often progress is reported, in wall-clock time.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}
