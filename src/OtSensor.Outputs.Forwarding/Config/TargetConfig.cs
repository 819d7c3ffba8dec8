using System.Net.Security;
using Azure.Core.Pipeline;
using Azure.Messaging.EventHubs;
using OtSensor.Outputs.Forwarding.EventHubs;
using OtSensor.Outputs.Forwarding.Syslog;

namespace OtSensor.Outputs.Forwarding.Config;

/// <summary>One forwarding target of the configuration (<c>targets[i]</c>): an event hub reached with a connection
/// string or Microsoft Entra ID, or a syslog server.</summary>
public sealed record TargetConfig
{
    public required TargetKind Kind { get; init; }

    /// <summary>Event Hubs with a shared access key: the whole connection string (with <c>EntityPath</c>).</summary>
    public SecretText? ConnectionString { get; init; }
    /// <summary>Event Hubs with Entra ID: the namespace host, <c>ns.servicebus.windows.net</c>.</summary>
    public string? Namespace { get; init; }
    public string? Hub { get; init; }
    public EntraIdSettings? Auth { get; init; }
    /// <summary>Where to connect instead of the namespace (a private endpoint or gateway): <c>amqps://host:port</c>.</summary>
    public Uri? Endpoint { get; init; }

    public SyslogTarget? Syslog { get; init; }

    /// <summary>A sender for this target.</summary>
    /// <param name="identityTransport">HTTP transport to Entra ID (tests, proxies); null: the SDK's.</param>
    /// <param name="validateCertificate">AMQP server certificate check for <see cref="Endpoint"/>; null: the system's.</param>
    public IAlertSender CreateSender(EventHubsRetryOptions? retry = null, HttpPipelineTransport? identityTransport = null,
        RemoteCertificateValidationCallback? validateCertificate = null, Func<string, string?>? environment = null)
    {
        if (Kind == TargetKind.Syslog) return new SyslogSender(Syslog!, typeof(TargetConfig).Assembly.GetName().Version?.ToString(3) ?? "1.0");
        if (ConnectionString is not null) return new EventHubsSender(ConnectionString.Reveal(), retry);
        return new EventHubsSender(Namespace!, Hub!, Auth!.CreateCredential(identityTransport, environment), retry, Endpoint, validateCertificate);
    }

    /// <summary>What can be shown (no secret).</summary>
    public override string ToString() => Kind == TargetKind.Syslog
        ? Syslog!.ToString()
        : ConnectionString is not null ? $"eventhubs (connection string {ConnectionString})" : $"eventhubs:{Namespace}/{Hub} ({Auth})";
}
