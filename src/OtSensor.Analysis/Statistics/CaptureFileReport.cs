namespace OtSensor.Analysis.Statistics;

/// <summary>What happened when one input file was read: how far it got and, if it broke, where and why.</summary>
public sealed record CaptureFileReport
{
    public required string Path { get; init; }
    /// <summary>"pcap", "pcapng", or null when the file was not a capture.</summary>
    public string? Format { get; init; }
    public long Frames { get; init; }
    public long Bytes { get; init; }
    public long FileLength { get; init; }
    /// <summary>Null when the file was read to its end; otherwise a one-line reason with the offset.</summary>
    public string? Error { get; init; }
    public long? ErrorOffset { get; init; }
    public bool Usable => Format is not null && Frames > 0;
}
