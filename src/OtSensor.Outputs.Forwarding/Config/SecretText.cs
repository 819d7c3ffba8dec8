namespace OtSensor.Outputs.Forwarding.Config;

/// <summary>
/// A secret from the configuration (a connection string, a client secret, a certificate password): the value itself
/// or, written <c>env:NAME</c>, read from an environment variable when the configuration is loaded.
/// </summary>
/// <remarks><see cref="ToString"/> never shows the value, so a secret that reaches a log line, an exception message or
/// a JSON dump by mistake stays hidden; only <see cref="Reveal"/> gives it, at the one place that hands it to the SDK.</remarks>
public sealed class SecretText
{
    private readonly string _value;

    public SecretText(string value, string source)
    {
        _value = value;
        Source = source;
    }

    /// <summary>Where it came from, safe to show: <c>config file</c> or <c>env:NAME</c>.</summary>
    public string Source { get; }

    public string Reveal() => _value;

    public override string ToString() => $"[secret from {Source}]";
}
