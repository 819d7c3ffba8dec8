using System.Text.Json;
using OtSensor.Outputs.Forwarding;
using OtSensor.Outputs.Forwarding.Config;
using OtSensor.Outputs.Forwarding.EventHubs;
using OtSensor.Outputs.Forwarding.Outbox;
using OtSensor.Outputs.Forwarding.Syslog;

namespace OtSensor.Forwarding.Tests;

/// <summary>The forwarding configuration: the documented example, each key, one-line errors naming the key, secrets
/// from the file or the environment never shown back, and the section embedded in a larger configuration.</summary>
public sealed class ForwardingConfigTests
{
    private const string Secret = "Zm9yd2FyZGluZy1zZWNyZXQtZG8tbm90LWVjaG8=";
    private const string ConnectionString = "Endpoint=sb://plant-a.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=" + Secret + ";EntityPath=alerts";

    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal)
    {
        ["OTSENSOR_ENTRA_SECRET"] = Secret,
        ["OTSENSOR_EVENTHUBS_CONNECTION"] = ConnectionString,
    };

    private static string Write(string json)
    {
        var path = TestAlerts.TempFile("forwarding.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Load_DocumentedExample_EveryKeyRead()
    {
        var config = ForwardingConfigReader.Load(Path.Combine(RepoPaths.Forwarding, "forwarding.example.json"), Environment.GetValueOrDefault);
        Assert.Equal("plant-a-sensor-1", config.Sensor);
        Assert.Equal("/var/lib/otsensor/outbox.db", config.OutboxPath);
        Assert.Equal(100_000, config.Outbox.MaxPending);
        Assert.Equal(OverflowPolicy.DropLeastSevere, config.Outbox.Overflow);
        Assert.Equal(TimeSpan.FromDays(7), config.Outbox.Retention);
        Assert.Equal(8, config.Outbox.MaxAttempts);
        Assert.Equal(1, config.Rule.MinimumSeverity);
        Assert.Equal(5, config.Rule.Engines.Count);
        Assert.True(config.DeviceChanges);
        Assert.False(config.Events);
        Assert.Equal(4, config.Targets.Count);

        var entra = config.Targets[0];
        Assert.Equal(TargetKind.EventHubs, entra.Kind);
        Assert.Equal("plant-a-otsensor.servicebus.windows.net", entra.Namespace);
        Assert.Equal("otsensor-alerts", entra.Hub);
        Assert.Equal(EntraIdMode.ClientSecret, entra.Auth!.Mode);
        Assert.Equal(Secret, entra.Auth.ClientSecret!.Reveal());
        Assert.Equal("env:OTSENSOR_ENTRA_SECRET", entra.Auth.ClientSecret.Source);
        Assert.Equal(ConnectionString, config.Targets[1].ConnectionString!.Reveal());
        Assert.Equal(SyslogTransport.Tls, config.Targets[2].Syslog!.Transport);
        Assert.Equal(6514, config.Targets[2].Syslog!.Port);
        Assert.NotNull(config.Targets[2].Syslog!.PinnedThumbprint);
        Assert.Equal(SyslogFormat.Rfc5424, config.Targets[3].Syslog!.Format);

        // Nothing that can be printed about the configuration holds a secret.
        var shown = string.Join("\n", config.Targets.Select(t => t.ToString())) + config + config.Targets[0].Auth;
        Assert.DoesNotContain(Secret, shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSender_EachTargetKind_NamedWithoutSecret()
    {
        var config = ForwardingConfigReader.Load(Path.Combine(RepoPaths.Forwarding, "forwarding.example.json"), Environment.GetValueOrDefault);
        var names = new List<string>();
        foreach (var target in config.Targets)
        {
            await using var sender = target.CreateSender();
            names.Add(sender.Name);
        }
        Assert.Equal(["eventhubs:plant-a-otsensor.servicebus.windows.net/otsensor-alerts", "eventhubs:plant-a.servicebus.windows.net/alerts",
            "syslog:tls://siem.plant-a.local:6514", "syslog:udp://10.20.0.5:514?format=rfc5424"], names);
    }

    [Theory]
    [InlineData("""{ "targets": [ { "type": "eventhubs", "connectionString": "env:NOT_SET_ANYWHERE" } ] }""", "forwarding.targets[0].connectionString: environment variable NOT_SET_ANYWHERE is not set")]
    [InlineData("""{ "targets": [ { "type": "kafka" } ] }""", "forwarding.targets[0].type: 'kafka' is not eventhubs or syslog")]
    [InlineData("""{ "targets": [ { "type": "eventhubs", "connectionString": "Endpoint=sb://x/;SharedAccessKeyName=k;SharedAccessKey=TOPSECRET" } ] }""", "forwarding.targets[0].connectionString: names no event hub")]
    [InlineData("""{ "targets": [ { "type": "eventhubs", "connectionString": "garbage TOPSECRET" } ] }""", "forwarding.targets[0].connectionString: not an Event Hubs connection string")]
    [InlineData("""{ "targets": [ { "type": "eventhubs", "connectionString": "Endpoint=sb://x/;SharedAccessKeyName=k;SharedAccessKey=TOPSECRET;EntityPath=h", "namespace": "x.servicebus.windows.net" } ] }""", "forwarding.targets[0]: give either connectionString")]
    [InlineData("""{ "targets": [ { "type": "eventhubs", "namespace": "ns.servicebus.windows.net", "hub": "h", "auth": { "mode": "clientSecret", "tenantId": "7f3c1a52-9d1e-4b0a-8c55-2f6f0a9e4d11", "clientId": "c" } } ] }""", "forwarding.targets[0].auth.clientSecret: missing")]
    [InlineData("""{ "targets": [ { "type": "eventhubs", "namespace": "ns.servicebus.windows.net", "hub": "h", "auth": { "mode": "clientSecret", "clientId": "c", "clientSecret": "TOPSECRET" } } ] }""", "forwarding.targets[0].auth.tenantId: missing")]
    [InlineData("""{ "targets": [ { "type": "eventhubs", "namespace": "ns.servicebus.windows.net", "hub": "h", "auth": { "mode": "password", "clientSecret": "TOPSECRET" } } ] }""", "forwarding.targets[0].auth.mode: 'password' is not managedIdentity")]
    [InlineData("""{ "targets": [ { "type": "eventhubs", "namespace": "ns.servicebus.windows.net", "hub": "h", "auth": { "mode": "managedIdentity", "clientSecret": "TOPSECRET" } } ] }""", "forwarding.targets[0].auth.clientSecret: only for mode clientSecret")]
    [InlineData("""{ "targets": [ { "type": "eventhubs", "namespace": "ns.servicebus.windows.net", "hub": "h", "auth": { "mode": "clientCertificate", "tenantId": "contoso.onmicrosoft.com", "clientId": "c", "certificate": "/nonexistent/app.pem", "certificatePassword": "TOPSECRET" } } ] }""", "forwarding.targets[0].auth.certificate: cannot load /nonexistent/app.pem")]
    [InlineData("""{ "targets": [ { "type": "eventhubs", "namespace": "ns.servicebus.windows.net", "hub": "h", "auth": { "mode": "managedIdentity", "clientSecrett": "TOPSECRET" } } ] }""", "forwarding.targets[0].auth.clientSecrett: unknown key")]
    [InlineData("""{ "targets": [ { "type": "eventhubs", "namespace": "ns.servicebus.windows.net", "hub": "h", "auth": { "mode": "managedIdentity", "authorityHost": "http://login" } } ] }""", "forwarding.targets[0].auth.authorityHost: 'http://login' is not an https:// address")]
    [InlineData("""{ "targets": [ { "type": "eventhubs", "namespace": "ns.servicebus.windows.net", "auth": { "mode": "managedIdentity" } } ] }""", "forwarding.targets[0].hub: missing")]
    [InlineData("""{ "targets": [ { "type": "syslog", "url": "ftp://h" } ] }""", "forwarding.targets[0].url: transport 'ftp' is not udp, tcp or tls")]
    [InlineData("""{ "targets": [ { "type": "syslog", "url": "udp://h", "format": "leef" } ] }""", "forwarding.targets[0].format: 'leef' is not cef, cef-3164 or rfc5424")]
    [InlineData("""{ "targets": [ { "type": "syslog", "url": "udp://h", "pin": "00" } ] }""", "forwarding.targets[0].pin: only for tls:// targets")]
    [InlineData("""{ "targets": [ { "type": "syslog", "url": "tls://h", "pin": "00" } ] }""", "forwarding.targets[0].pin: must be the server certificate's SHA-256")]
    [InlineData("""{ "outbox": { "maxPending": 0 } }""", "forwarding.outbox.maxPending: must be a whole number from 1 to 100000000")]
    [InlineData("""{ "outbox": { "overflow": "drop-newest" } }""", "forwarding.outbox.overflow: 'drop-newest' is not drop-least-severe, drop-oldest or refuse-newest")]
    [InlineData("""{ "outbox": { "retention": "forever" } }""", "forwarding.outbox.retention: must be a duration")]
    [InlineData("""{ "rules": { "minSeverity": "High" } }""", "forwarding.rules.minSeverity: 'High' is not a severity")]
    [InlineData("""{ "rules": { "engines": ["Heuristics"] } }""", "forwarding.rules.engines: 'Heuristics' is not an engine")]
    [InlineData("""{ "records": { "alerts": false } }""", "forwarding.records.alerts: alerts are always forwarded")]
    [InlineData("""{ "records": { "devices": true } }""", "forwarding.records.devices: unknown key (known: alerts, deviceChanges, events)")]
    [InlineData("""{ "target": [] }""", "forwarding.target: unknown key")]
    [InlineData("""{ "targets": {} }""", "forwarding.targets: must be an array")]
    [InlineData("""{ "targets": [ """, "not valid JSON")]
    public void Load_BadConfig_OneLineNamingTheKeyWithoutSecret(string json, string expected)
    {
        var path = Write(json);
        Assert.Null(ForwardingConfigReader.TryLoad(path, out var error, _ => null));
        Assert.StartsWith(path + ": ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error!);
        Assert.DoesNotContain("TOPSECRET", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SectionOfAHostConfiguration_ReadFromItsElement()
    {
        using var host = JsonDocument.Parse("""
            {
              "capture": { "interface": "eth1" },
              "forwarding": {
                "outbox": { "path": "state/outbox.db", "overflow": "refuse-newest", "retention": "36h" },
                "targets": [ { "type": "syslog", "url": "tcp://10.0.0.9" } ]
              }
            }
            """);
        var config = ForwardingConfigReader.Parse(host.RootElement.GetProperty("forwarding"), "/etc/otsensor");
        Assert.Equal("/etc/otsensor/state/outbox.db", config.OutboxPath);
        Assert.Equal(OverflowPolicy.RefuseNewest, config.Outbox.Overflow);
        Assert.Equal(TimeSpan.FromHours(36), config.Outbox.Retention);
        Assert.Equal(601, config.Targets.Single().Syslog!.Port);

        // A whole host configuration file is read from its forwarding key; the host's own keys are not ours to judge.
        var file = Write(host.RootElement.GetRawText());
        Assert.Equal("tcp", ForwardingConfigReader.Load(file).Targets.Single().Syslog!.Transport.ToString().ToLowerInvariant());

        var bad = JsonDocument.Parse("""{ "outbox": { "maxPending": -1 } }""");
        var e = Assert.Throws<ForwardingConfigException>(() => ForwardingConfigReader.Parse(bad.RootElement, "/", key: "sensor.forwarding"));
        Assert.Equal("sensor.forwarding.outbox.maxPending", e.Key);
    }

    [Fact]
    public void Load_SecretInTheFile_UsedButShownOnlyAsItsSource()
    {
        var path = Write($$"""{ "targets": [ { "type": "eventhubs", "connectionString": "{{ConnectionString}}" } ] }""");
        var target = ForwardingConfigReader.Load(path, _ => null).Targets.Single();
        Assert.Equal(ConnectionString, target.ConnectionString!.Reveal());
        Assert.Equal("eventhubs (connection string [secret from config file])", target.ToString());
    }

    [Fact]
    public void Load_WorkloadIdentityWithoutTokenFile_NamesTheKeyAndTheVariable()
    {
        var path = Write("""{ "targets": [ { "type": "eventhubs", "namespace": "ns.servicebus.windows.net", "hub": "h", "auth": { "mode": "workloadIdentity" } } ] }""");
        Assert.Null(ForwardingConfigReader.TryLoad(path, out var error, _ => null));
        Assert.Contains("forwarding.targets[0].auth.tokenFile: missing, and AZURE_FEDERATED_TOKEN_FILE is not set", error, StringComparison.Ordinal);
        Assert.NotNull(ForwardingConfigReader.TryLoad(path, out _, n => n == "AZURE_FEDERATED_TOKEN_FILE" ? "/var/run/secrets/azure/tokens/azure-identity-token" : null));
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("12h", 43_200)]
    [InlineData("7d", 604_800)]
    public void TryParseDuration_Units_Seconds(string text, int seconds)
    {
        Assert.True(ForwardingConfigReader.TryParseDuration(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }
}
