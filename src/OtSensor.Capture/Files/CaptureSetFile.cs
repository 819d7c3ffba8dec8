namespace OtSensor.Capture.Files;

/// <summary>A capture file found by <see cref="CaptureSet.Expand"/>, with the format its magic number announces.</summary>
public sealed record CaptureSetFile(string Path, CaptureFormat Format);
