using System.Text;
using System.Text.Json;
using Azure.Messaging.EventHubs;
using OtSensor.Outputs.Forwarding;
using OtSensor.Outputs.Forwarding.EventHubs;
using OtSensor.Outputs.Forwarding.Outbox;

namespace OtSensor.Forwarding.Tests;

/// <summary>Device-change and event records through the real Event Hubs client: a device goes out when it appears
/// (Added) and again only when what describes it changed (Changed), every record schema-valid.</summary>
public sealed class DeviceAndEventRecordsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    /// <summary>A devices.json as analyze writes it (the fields the reader uses, plus counters that change every run).</summary>
    private static MemoryStream Devices(string plcName, long plcPackets, long hmiPackets) => new(Encoding.UTF8.GetBytes($$"""
        [
          { "id": 1, "ipAddresses": ["10.20.1.10"], "macAddresses": ["00:1b:1b:00:00:10"], "name": "{{plcName}}", "vendor": "Siemens",
            "type": "PLC", "operatingSystem": null, "firmware": { "version": "V4.2" }, "purdueLevel": 1, "authorized": true,
            "scanner": false, "engineeringStation": false, "programmingDevice": false, "internet": false, "hasDynamicAddress": false,
            "protocols": [ { "protocol": "s7comm", "roles": ["server"] }, { "protocol": "modbus", "roles": ["slave"] } ],
            "packetsSent": {{plcPackets}}, "firstDetectionTime": "2026-03-02T06:00:00Z", "lastActivityTime": "2026-03-02T06:0{{plcPackets % 10}}:00Z" },
          { "id": 2, "ipAddresses": ["10.20.2.10"], "macAddresses": [], "name": "HMI-01 \"line\" ]", "vendor": "Dell Inc.",
            "type": "HMI", "authorized": true, "protocols": [ { "protocol": "modbus", "roles": ["master"] } ],
            "packetsSent": {{hmiPackets}}, "lastActivityTime": "2026-03-02T06:0{{hmiPackets % 10}}:00Z" }
        ]
        """));

    [Fact]
    public async Task DeviceChanges_SecondInventory_OnlyTheChangedDeviceResentAsChanged()
    {
        using var hub = new TestEventHubEndpoint();
        var schema = new SchemaValidator(Path.Combine(RepoPaths.Forwarding, "device-change.schema.json"));
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("o.db"));
        var retry = new EventHubsRetryOptions { MaximumRetries = 1, TryTimeout = TimeSpan.FromSeconds(5) };
        await using var forwarder = new AlertForwarder(outbox, [new EventHubsSender(hub.ConnectionString, retry)], new ForwarderOptions { IdlePoll = TimeSpan.FromMilliseconds(50) });
        forwarder.Start();

        Assert.Equal(2, forwarder.EnqueueRange(InventoryRecordsReader.ReadDevices(Devices("PLC-1", 100, 50), "plant-a", T0)));
        Assert.True(await forwarder.DrainAsync(TimeSpan.FromSeconds(20)));
        // The HMI's counters and last activity moved, the PLC was renamed.
        Assert.Equal(1, forwarder.EnqueueRange(InventoryRecordsReader.ReadDevices(Devices("PLC-1 Line 3", 170, 93), "plant-a", T0.AddHours(1))));
        Assert.True(await forwarder.DrainAsync(TimeSpan.FromSeconds(20)));

        var records = hub.Events.Select(e => JsonDocument.Parse(e.Body)).ToList();
        Assert.Equal(3, records.Count);
        foreach (var r in records)
        {
            var errors = schema.Validate(r.RootElement);
            Assert.True(errors.Count == 0, string.Join("; ", errors));
        }
        Assert.Equal(["Added", "Added", "Changed"], records.Select(r => r.RootElement.GetProperty("ChangeType").GetString()));
        var changed = records[2].RootElement;
        Assert.Equal("00:1b:1b:00:00:10", changed.GetProperty("DeviceKey").GetString());
        Assert.Equal("PLC-1 Line 3", changed.GetProperty("Name").GetString());
        Assert.Equal(["s7comm", "modbus"], changed.GetProperty("Protocols").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("{\"version\":\"V4.2\"}", changed.GetProperty("Firmware").GetString());
        Assert.Equal("HMI-01 \"line\" ]", records[1].RootElement.GetProperty("Name").GetString());
        Assert.Equal("10.20.2.10", records[1].RootElement.GetProperty("DeviceKey").GetString()); // no MAC: keyed by its address
        Assert.NotEqual(records[0].RootElement.GetProperty("Fingerprint").GetString(), changed.GetProperty("Fingerprint").GetString());
        foreach (var r in records) r.Dispose();
    }

    [Fact]
    public void ReadEvents_SeveralEventsInOneFrame_DistinctIdsStableAcrossReads()
    {
        const string lines = """
            {"ts":"2026-03-02T06:00:00.005000Z","protocol":"modbus","src":"10.20.2.10","dst":"10.20.1.10","srcPort":50000,"dstPort":502,"function":3,"functionName":"Read Holding Registers","direction":"request","operation":"read","flowId":1,"frame":7,"anomalies":[]}
            {"ts":"2026-03-02T06:00:00.005000Z","protocol":"modbus","src":"10.20.2.10","dst":"10.20.1.10","srcPort":50000,"dstPort":502,"function":6,"functionName":"Write Single Register","direction":"request","operation":"write","flowId":1,"frame":7,"anomalies":["length-mismatch"]}

            {"ts":"2026-03-02T06:00:01Z","protocol":"lldp","src":"00:1b:1b:00:00:10","dst":"01:80:c2:00:00:0e","frame":8,"anomalies":[]}
            """;
        var first = InventoryRecordsReader.ReadEvents(new StringReader(lines), "s");
        var second = InventoryRecordsReader.ReadEvents(new StringReader(lines), "s");
        Assert.Equal(3, first.Select(r => r.MessageId).Distinct().Count());
        Assert.Equal(first.Select(r => r.MessageId), second.Select(r => r.MessageId));
        var schema = new SchemaValidator(Path.Combine(RepoPaths.Forwarding, "event.schema.json"));
        foreach (var r in first)
        {
            using var body = JsonDocument.Parse(r.Body!);
            var errors = schema.Validate(body.RootElement);
            Assert.True(errors.Count == 0, string.Join("; ", errors));
        }
        using var write = JsonDocument.Parse(first[1].Body!);
        Assert.Equal(["length-mismatch"], write.RootElement.GetProperty("Anomalies").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("6", write.RootElement.GetProperty("Function").GetString());
        using var lldp = JsonDocument.Parse(first[2].Body!);
        Assert.Equal("", lldp.RootElement.GetProperty("SourcePort").GetString());
        Assert.Equal("s/00:1b:1b:00:00:10", first[2].PartitionKey);
    }

    [Fact]
    public void ReadEvents_BrokenLine_FormatExceptionNamesTheLine()
    {
        var e = Assert.Throws<FormatException>(() => InventoryRecordsReader.ReadEvents(new StringReader("{\"ts\":\"2026-03-02T06:00:00Z\",\"protocol\":\"x\"}\n{not json"), "s"));
        Assert.StartsWith("events.jsonl line 2: not JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_DeviceAndEventRecords_NotFilteredByTheAlertRule()
    {
        var rule = ForwardRule.TryCreate("Critical", ["Malware"], ["s7comm"], out _)!;
        var device = InventoryRecordsReader.ReadDevices(Devices("PLC", 1, 1), "s", T0)[0];
        Assert.True(rule.Matches(device));
        Assert.False(rule.Matches(TestAlerts.Make(1, severity: "Warning")));
    }
}
