using OtSensor.Core.Time;

namespace OtSensor.Engine.Replay;

/// <summary>Where a replay stands: wall time spent, the capture time reached, and what the sensor knows so far.</summary>
public readonly record struct ReplayProgress(TimeSpan Wall, Timestamp CaptureTime, TimeSpan CaptureElapsed, TimeSpan CaptureSpan,
    int Pass, long Frames, int Devices, int Connections, long Pdus);
