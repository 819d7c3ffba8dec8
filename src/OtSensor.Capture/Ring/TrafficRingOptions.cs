namespace OtSensor.Capture.Ring;

/// <summary>Where and how large the on-disk ring of recent traffic is (<see cref="TrafficRing"/>).</summary>
/// <remarks>Disk use is bounded by <see cref="SegmentBytes"/> × <see cref="Segments"/> (1 GiB by default).</remarks>
public sealed record TrafficRingOptions
{
    /// <summary>The smallest segment: a frame of the largest snapshot length (256 KiB) must fit with room to spare.</summary>
    public const long MinSegmentBytes = 1L << 20;

    /// <summary>The folder of the segment files <c>ring-NNNNNNNN.pcapng</c>; created when missing, stale segments removed.</summary>
    public required string Directory { get; init; }

    /// <summary>Bytes per segment file at most; a segment is closed and the next one opened before it would grow beyond.</summary>
    public long SegmentBytes { get; init; } = 32L << 20;

    /// <summary>Segment files kept at most, the one being written included; the oldest is deleted to make room.</summary>
    public int Segments { get; init; } = 32;

    /// <summary>
    /// The write buffer: frames are appended to it and it is written with one call when full (or on
    /// <see cref="TrafficRing.Flush"/>), so the capture path makes one system call per this many bytes.
    /// </summary>
    public int BufferBytes { get; init; } = 1 << 20;

    /// <summary>After a write or create error, frames are not written (but counted as lost) for this long, then the ring tries a new segment.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(30);
}
