namespace OtSensor.Capture.Files;

/// <summary>
/// A capture file could not be opened or read (missing file, no permission, I/O failure).
/// Never used for malformed file contents: those end the walk with a <see cref="CaptureReadError"/>.
/// </summary>
public sealed class CaptureFileException : Exception
{
    public CaptureFileException()
    {
    }

    public CaptureFileException(string message)
        : base(message)
    {
    }

    public CaptureFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
