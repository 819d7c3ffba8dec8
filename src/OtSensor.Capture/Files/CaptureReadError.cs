namespace OtSensor.Capture.Files;

/// <summary>
/// The first unrecoverable problem met while walking a capture file. Everything before it was
/// handed out normally; the reader stops here.
/// </summary>
/// <param name="Offset">File offset of the record, block or header that is broken.</param>
/// <param name="FrameNumber">1-based number the next frame would have had (frames read so far + 1).</param>
/// <param name="Message">One-line description that already names the offset, e.g. "truncated record header at offset 1234".</param>
public sealed record CaptureReadError(long Offset, long FrameNumber, string Message)
{
    public override string ToString() => Message;
}
