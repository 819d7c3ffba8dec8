namespace OtSensor.Capture.Live;

/// <summary>A live capture could not start; <see cref="Exception.Message"/> is one line meant for the operator.</summary>
public sealed class LiveCaptureException : Exception
{
    public LiveCaptureException() { }

    public LiveCaptureException(string message) : base(message) { }

    public LiveCaptureException(string message, Exception innerException) : base(message, innerException) { }

    public LiveCaptureException(LiveCaptureError error, string message, Exception? innerException = null)
        : base(message, innerException) => Error = error;

    public LiveCaptureError Error { get; }
}
