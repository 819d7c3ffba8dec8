namespace OtSensor.Outputs.Forwarding.Config;

/// <summary>A forwarding configuration that cannot be used: <see cref="Exception.Message"/> is one line that names the
/// key (<c>forwarding.targets[1].auth.clientSecret: ...</c>) and never holds a secret's value.</summary>
public sealed class ForwardingConfigException : FormatException
{
    public ForwardingConfigException()
    {
    }

    public ForwardingConfigException(string message) : base(message)
    {
    }

    public ForwardingConfigException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public ForwardingConfigException(string key, string reason) : base($"{key}: {reason}") => Key = key;

    /// <summary>The offending key as a path from the section root (<c>forwarding.outbox.maxPending</c>).</summary>
    public string? Key { get; }
}
