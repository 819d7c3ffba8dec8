namespace OtSensor.Server;

/// <summary>A server option or the store folder is unusable; the message is one line for the command line.</summary>
public sealed class ServerSetupException : Exception
{
    public ServerSetupException() { }
    public ServerSetupException(string message) : base(message) { }
    public ServerSetupException(string message, Exception inner) : base(message, inner) { }
}
