using System.Text;
using System.Text.Json;

namespace OtSensor.Forwarding.Tests;

/// <summary>
/// <c>otsensor forward --config</c> and <c>analyze --forward-config</c> as real processes: a secret read from the
/// environment reaches the hub and appears in no output, log or file; a bad file stops with one line naming the key;
/// device-change and event records arrive schema-valid and are not sent twice.
/// </summary>
public sealed class CliConfigTests
{
    // What the secret looks like inside the connection string; the test hub takes any key.
    private const string Key = "Y2xpLXNlY3JldC1tdXN0LW5vdC1lY2hvLTQyNDI0Mg==";

    private static string HubConnection(TestEventHubEndpoint hub) => hub.ConnectionString.Replace("SharedAccessKey=dGVzdA==", "SharedAccessKey=" + Key, StringComparison.Ordinal);

    private static string WriteConfig(string folder, string json)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "forwarding.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Forward_ConfigWithSecretFromEnvironment_DeliveredAndTheSecretShownNowhere()
    {
        using var hub = new TestEventHubEndpoint();
        var alerts = CliForwardingTests.WriteAlertsJson(20);
        var folder = Path.Combine(Path.GetDirectoryName(alerts)!, "etc");
        var config = WriteConfig(folder, """
            {
              "sensor": "cfg-sensor",
              "outbox": { "path": "state/outbox.db", "retention": "2d" },
              "rules": { "minSeverity": "Minor" },
              "targets": [ { "type": "eventhubs", "connectionString": "env:OTSENSOR_TEST_HUB" } ]
            }
            """);
        var r = CliForwardingTests.Run(["forward", "--alerts", alerts, "--config", config], new Dictionary<string, string> { ["OTSENSOR_TEST_HUB"] = HubConnection(hub) });
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(15, hub.Events.Select(e => e.MessageId).Distinct().Count()); // Warning left out by the file's rule
        Assert.All(hub.Events, e => Assert.Contains("\\\"SensorId\\\":\\\"cfg-sensor\\\"", Encoding.UTF8.GetString(e.Body), StringComparison.Ordinal));
        Assert.Contains("5 alerts left out by the forwarding rule", r.Error, StringComparison.Ordinal);

        var outbox = Path.Combine(folder, "state", "outbox.db");
        Assert.True(File.Exists(outbox), "outbox.path is taken from the file's folder");
        var written = File.ReadAllText(Path.Combine(folder, "state", "forwarding.json"));
        foreach (var text in new[] { r.Error, r.Output, written, Encoding.Latin1.GetString(File.ReadAllBytes(outbox)) })
        {
            Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
            Assert.DoesNotContain("SharedAccessKey=", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{ "targets": [ { "type": "eventhubs", "connectionString": "Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=TOPSECRET" } ] }""", "forwarding.targets[0].connectionString: names no event hub")]
    [InlineData("""{ "targets": [ { "type": "eventhubs", "connectionString": "env:OTSENSOR_TEST_NOT_SET" } ] }""", "forwarding.targets[0].connectionString: environment variable OTSENSOR_TEST_NOT_SET is not set")]
    [InlineData("""{ "targets": [ { "type": "syslog", "url": "udp://h", "connectionString": "TOPSECRET" } ] }""", "forwarding.targets[0].connectionString: unknown key (known: type, url, format, ca, pin, hostname)")]
    [InlineData("""{ "targets": [] }""", "no target: give --to <target> or a --config file with targets")]
    public void Forward_BadConfig_Exit2OneLineNamingTheKey(string json, string reason)
    {
        var alerts = CliForwardingTests.WriteAlertsJson(3);
        var config = WriteConfig(Path.Combine(Path.GetDirectoryName(alerts)!, "etc"), json);
        var r = CliForwardingTests.Run(["forward", "--alerts", alerts, "--config", config], null);
        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.Error.Trim().Split('\n'));
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.DoesNotContain("TOPSECRET", r.Error + r.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(alerts)!, "outbox.db")));
    }

    [Fact]
    public void Analyze_ForwardConfigWithRecords_AlertsDevicesAndEventsArriveSchemaValidThenNotResent()
    {
        using var hub = new TestEventHubEndpoint();
        var output = Path.GetDirectoryName(TestAlerts.TempFile("x"))!;
        var config = WriteConfig(Path.Combine(output, "etc"), """
            {
              "sensor": "plant-a",
              "records": { "deviceChanges": true, "events": true },
              "targets": [ { "type": "eventhubs", "connectionString": "env:OTSENSOR_TEST_HUB" } ]
            }
            """);
        var environment = new Dictionary<string, string> { ["OTSENSOR_TEST_HUB"] = HubConnection(hub) };
        var capture = Path.Combine(RepoPaths.Root, "pcaps", "simulated", "modbus-writes.pcapng");
        var r = CliForwardingTests.Run(["analyze", capture, "--out", output, "--quiet", "--forward-config", config], environment);
        Assert.True(r.ExitCode == 0, r.Error);

        using var alerts = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "alerts.json")));
        using var devices = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "devices.json")));
        int events = File.ReadLines(Path.Combine(output, "events.jsonl")).Count(l => l.Length > 0);
        var schemas = new Dictionary<string, SchemaValidator>(StringComparer.Ordinal)
        {
            ["SecurityAlert"] = new(Path.Combine(RepoPaths.Forwarding, "security-alert.schema.json")),
            ["OtSensorDeviceChange"] = new(Path.Combine(RepoPaths.Forwarding, "device-change.schema.json")),
            ["OtSensorEvent"] = new(Path.Combine(RepoPaths.Forwarding, "event.schema.json")),
        };
        var seen = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var e in hub.Events)
        {
            using var body = JsonDocument.Parse(e.Body);
            var type = body.RootElement.TryGetProperty("RecordType", out var rt) ? rt.GetString()! : "SecurityAlert";
            var errors = schemas[type].Validate(body.RootElement);
            Assert.True(errors.Count == 0, $"{type} {e.MessageId}: {string.Join("; ", errors)}");
            if (!seen.TryGetValue(type, out var ids)) seen[type] = ids = new HashSet<string>(StringComparer.Ordinal);
            ids.Add(e.MessageId);
            if (type == "OtSensorDeviceChange") Assert.Equal("Added", body.RootElement.GetProperty("ChangeType").GetString());
        }
        Assert.Equal(alerts.RootElement.GetArrayLength(), seen["SecurityAlert"].Count);
        Assert.Equal(devices.RootElement.GetArrayLength(), seen["OtSensorDeviceChange"].Count);
        Assert.Equal(events, seen["OtSensorEvent"].Count);

        // The same run offered again: every record is known to the outbox, nothing goes out twice.
        int before = hub.Count;
        var again = CliForwardingTests.Run(["forward", "--alerts", Path.Combine(output, "alerts.json"), "--config", config], environment);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(before, hub.Count);
    }

    [Fact]
    public void Forward_OutboxFullWhileHubDown_OperationalAlertOnConsoleInCountersAndSentWhenBack()
    {
        using var hub = new TestEventHubEndpoint();
        hub.Stop();
        var alerts = CliForwardingTests.WriteAlertsJson(50);
        var config = WriteConfig(Path.Combine(Path.GetDirectoryName(alerts)!, "etc"), """
            {
              "sensor": "s1",
              "outbox": { "maxPending": 10, "overflow": "refuse-newest" },
              "targets": [ { "type": "eventhubs", "connectionString": "env:OTSENSOR_TEST_HUB" } ]
            }
            """);
        var environment = new Dictionary<string, string> { ["OTSENSOR_TEST_HUB"] = HubConnection(hub) };
        var r = CliForwardingTests.Run(["forward", "--alerts", alerts, "--config", config, "--timeout", "2s"], environment);
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("otsensor: forward: Forwarding Outbox Full (Major): The forwarding outbox of s1 holds 10 waiting records", r.Error, StringComparison.Ordinal);
        Assert.Contains("outbox full: 0 dropped, 40 refused", r.Error, StringComparison.Ordinal);
        using (var counters = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(alerts)!, "forwarding.json"))))
        {
            Assert.Equal(40, counters.RootElement.GetProperty("refusedOnOverflow").GetInt64());
            Assert.Equal(1, counters.RootElement.GetProperty("outboxFullAlerts").GetInt64());
            var raised = Assert.Single(counters.RootElement.GetProperty("operationalAlerts").EnumerateArray());
            Assert.Equal("forwarding-outbox-full", raised.GetProperty("type").GetString());
        }

        // The hub is back: the ten queued alerts and the outbox's own alert about the forty it refused.
        hub.Start();
        var drained = CliForwardingTests.Run(["forward", "--config", config, "--outbox", Path.Combine(Path.GetDirectoryName(alerts)!, "outbox.db")], environment);
        Assert.True(drained.ExitCode == 0, drained.Error);
        var bodies = hub.Events.Select(e => Encoding.UTF8.GetString(e.Body)).ToList();
        Assert.Equal(11, hub.Events.Select(e => e.MessageId).Distinct().Count());
        Assert.Single(bodies, b => b.Contains("\"AlertName\":\"Forwarding Outbox Full\"", StringComparison.Ordinal) && b.Contains("\"AlertType\":\"OtSensor_forwarding-outbox-full\"", StringComparison.Ordinal));
    }

    /// <summary>
    /// Entra ID end to end through the command: the configuration's client secret (from the environment) goes to the
    /// Entra ID stand-in, the JWT it issues reaches the hub over AMQP/TLS in the CBS put-token, and the secret appears in
    /// no output or file. The child process trusts the test CA through <c>SSL_CERT_FILE</c> (OpenSSL's trust store
    /// override, which .NET on Linux honours), as an operator would add a private CA.
    /// </summary>
    [Fact]
    public void Forward_ConfigEntraIdClientSecret_JwtReachesHubSecretShownNowhere()
    {
        const string secret = "entra-cli-s3cr3t-must-not-echo";
        var (ca, server) = SyslogForwardingTests.Certificates();
        using var entra = new TestTokenServer(server);
        using var hub = new TestEventHubEndpoint(certificate: server);
        var alerts = CliForwardingTests.WriteAlertsJson(25);
        var folder = Path.Combine(Path.GetDirectoryName(alerts)!, "etc");
        var config = WriteConfig(folder, $$"""
            {
              "sensor": "s1",
              "targets": [ {
                "type": "eventhubs", "namespace": "plant-a.servicebus.windows.net", "hub": "{{hub.Hub}}", "endpoint": "amqps://127.0.0.1:{{hub.Port}}",
                "auth": { "mode": "clientSecret", "tenantId": "7f3c1a52-9d1e-4b0a-8c55-2f6f0a9e4d11", "clientId": "3b8e6d2c-1f4a-4e7b-9a0c-5d2e8f1b7c44",
                          "clientSecret": "env:OTSENSOR_TEST_ENTRA_SECRET", "authorityHost": "{{entra.AuthorityHost}}" }
              } ]
            }
            """);
        var caFile = Path.Combine(folder, "test-ca.pem");
        File.WriteAllText(caFile, ca.ExportCertificatePem());
        var environment = new Dictionary<string, string> { ["OTSENSOR_TEST_ENTRA_SECRET"] = secret, ["SSL_CERT_FILE"] = caFile };
        var r = CliForwardingTests.Run(["forward", "--alerts", alerts, "--config", config, "--timeout", "30s"], environment);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("eventhubs:plant-a.servicebus.windows.net/hub: 25 sent, 0 pending", r.Error, StringComparison.Ordinal);

        var request = Assert.Single(entra.TokenRequests);
        Assert.Equal(secret, request["client_secret"]);
        Assert.All(hub.Tokens, t => Assert.Equal(("jwt", Assert.Single(entra.Issued)), t));
        Assert.Equal(25, hub.Events.Select(e => e.MessageId).Distinct().Count());
        var written = File.ReadAllText(Path.Combine(Path.GetDirectoryName(alerts)!, "forwarding.json"));
        foreach (var text in new[] { r.Error, r.Output, written }) Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }
}
