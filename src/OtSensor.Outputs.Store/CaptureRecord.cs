namespace OtSensor.Outputs.Store;

/// <summary>An uploaded capture: display name, the server-generated file it was saved as, and its play state.</summary>
public sealed record CaptureRecord(long Id, string Name, string File, long Size, long Uploaded, string State, long Packets, long Bytes, string? Error);
