namespace OtSensor.Server.Sensor;

/// <summary>The <c>ring</c> section of the sensor's configuration: the on-disk ring of recent traffic (<c>OtSensor.Capture.Ring.TrafficRing</c>).</summary>
public sealed record SensorRingConfig
{
    /// <summary>The segments' folder; a relative path is inside the store.</summary>
    public string Directory { get; init; } = "ring";

    /// <summary>Bytes per segment file (<c>segmentMb</c>, 1 to 1024 MiB).</summary>
    public long SegmentBytes { get; init; } = 32L << 20;

    /// <summary>Segment files kept (<c>segments</c>, 2 to 4096); the oldest is deleted first.</summary>
    public int Segments { get; init; } = 32;

    /// <summary>Disk use at most.</summary>
    public long MaxBytes => SegmentBytes * Segments;
}
