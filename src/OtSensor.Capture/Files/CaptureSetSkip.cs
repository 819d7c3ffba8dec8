namespace OtSensor.Capture.Files;

/// <summary>A file <see cref="CaptureSet.Expand"/> left out, with a one-line reason ("not a capture file: unknown magic 0x7b0a2022").</summary>
public sealed record CaptureSetSkip(string Path, string Reason);
