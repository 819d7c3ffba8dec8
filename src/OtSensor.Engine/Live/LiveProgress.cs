using OtSensor.Capture.Live;

namespace OtSensor.Engine.Live;

/// <summary>Where a live run stands: wall time, capture counters summed over the interfaces, what the sensor knows so far.</summary>
public readonly record struct LiveProgress(TimeSpan Wall, LiveCaptureStatistics Capture, long Frames, int Devices, int Connections, long Pdus);
