using OtSensor.Outputs.Store;

namespace OtSensor.Store.Tests;

public sealed class SnapshotTests
{
    [Fact]
    public void WriteSnapshot_ThenRead_RoundTripsEveryField()
    {
        using var fixture = new StoreFixture();
        using var store = fixture.Open();
        long run = store.BeginRun(null);
        store.WriteSnapshot(StoreFixture.Plant(run));

        var devices = store.GetDevices(new DeviceQuery()).Items;
        Assert.Equal(2, devices.Count);
        var plc = devices.Single(d => d.Key == "10.0.0.11");
        Assert.Equal("PLC-1", plc.Name);
        Assert.Equal(["10.0.0.11"], plc.IpAddresses);
        Assert.Equal(["00:80:f4:00:00:a0"], plc.MacAddresses);
        Assert.Equal("Schneider Electric", plc.Vendor);
        Assert.Equal("PLC", plc.Type);
        Assert.Equal(1, plc.PurdueLevel);
        Assert.Equal("BMX P34 2020", plc.Firmware.Single().Model);
        Assert.Equal(["1"], plc.Protocols.Single().Addresses);
        Assert.Empty(plc.Evidence); // listings leave evidence out
        Assert.Equal("device identification", store.GetDevice(plc.Id)!.Evidence.Single().Detail);

        var connection = store.GetConnections(new ConnectionQuery()).Single();
        var hmi = devices.Single(d => d.Key == "10.0.0.10");
        Assert.Equal((hmi.Id, plc.Id), (connection.FirstDeviceId, connection.SecondDeviceId));
        Assert.Equal([502], connection.Ports);
        Assert.Equal(["Read Holding Registers"], connection.Protocols.Single().Commands);

        var alert = store.GetAlerts(new AlertQuery()).Items.Single();
        Assert.Equal((hmi.Id, plc.Id), (alert.SourceDevice!.Value, alert.DestinationDevice!.Value));
        Assert.Equal($"{alert.Id}-30000", alert.Uuid);
        Assert.Equal("T0814", alert.Mitre.Single().Id);
        Assert.Equal(["modbus over port 502"], alert.Information);

        var events = store.GetEvents(new EventQuery()).Items;
        Assert.Equal(["ALERT_REPORTED", "DEVICE_CREATE"], events.Select(e => e.Type));
        Assert.Equal(alert.Id, events[0].AlertId);
        Assert.Equal(new TrafficPoint(60_000, 100, 10_000), store.Traffic().Single());
    }

    [Fact]
    public void WriteSnapshot_SameRunAgain_UpdatesInPlace()
    {
        using var fixture = new StoreFixture();
        using var store = fixture.Open();
        long run = store.BeginRun(null);
        store.WriteSnapshot(StoreFixture.Plant(run, packets: 100));
        store.WriteSnapshot(StoreFixture.Plant(run, packets: 300, eventsFrom: 2));

        var totals = store.Totals();
        Assert.Equal((2L, 1L, 1L, 1L), totals);
        Assert.Equal(600, store.GetDevices(new DeviceQuery { Search = "10.0.0.10" }).Items.Single().Packets);
        Assert.Equal(30, store.GetAlerts(new AlertQuery()).Items.Single().Count);
        Assert.Equal(2, store.GetEvents(new EventQuery()).Total);
    }

    [Fact]
    public void WriteSnapshot_NextRun_AddsTrafficToTheSameDevicesAndCountsTheSameAlertUp()
    {
        using var fixture = new StoreFixture();
        using var store = fixture.Open();
        long first = store.BeginRun(null);
        var firstIds = store.WriteSnapshot(StoreFixture.Plant(first, packets: 100));
        long firstCount = store.GetAlerts(new AlertQuery()).Items.Single().Count;
        long second = store.BeginRun(null);
        store.WriteSnapshot(StoreFixture.Plant(second, packets: 50));
        var secondIds = store.WriteSnapshot(StoreFixture.Plant(second, packets: 70));
        long secondCount = StoreFixture.Plant(second, packets: 70).Alerts.Single().Count;

        Assert.Equal(2, store.Totals().Devices);
        Assert.Equal(2 * (100 + 70), store.GetDevices(new DeviceQuery { Search = "10.0.0.10" }).Items.Single().Packets);
        // The second run raised the same alert: no copy, its count adds to the first run's.
        Assert.Equal(1, store.Totals().Alerts);
        var alert = store.GetAlerts(new AlertQuery()).Items.Single();
        Assert.Equal(firstCount + secondCount, alert.Count);
        Assert.Equal(alert.Id, firstIds.Values.Single().Id);
        Assert.Equal(new StoredAlert(alert.Id, alert.Count), secondIds.Values.Single());
    }

    [Fact]
    public void SetAlertStatus_LaterSnapshotOfTheRun_KeepsTheTriage()
    {
        using var fixture = new StoreFixture();
        using var store = fixture.Open();
        long run = store.BeginRun(null);
        store.WriteSnapshot(StoreFixture.Plant(run));
        var id = store.GetAlerts(new AlertQuery()).Items.Single().Id;
        Assert.True(store.SetAlertStatus(id, AlertStatuses.Acknowledged));
        store.WriteSnapshot(StoreFixture.Plant(run, packets: 200));

        var alert = store.GetAlert(id)!;
        Assert.Equal(AlertStatuses.Acknowledged, alert.Status);
        Assert.Equal(20, alert.Count);
        Assert.Equal(1, store.GetAlerts(new AlertQuery { Handled = true }).Total);
        Assert.Equal(0, store.GetAlerts(new AlertQuery { Handled = false }).Total);
        Assert.False(store.SetAlertStatus(999, AlertStatuses.Closed));
    }

    [Fact]
    public void Reopen_NewStoreOnTheSameFile_SeesEverythingWritten()
    {
        using var fixture = new StoreFixture();
        long alertId;
        using (var store = fixture.Open())
        {
            long run = store.BeginRun(null);
            store.WriteSnapshot(StoreFixture.Plant(run));
            alertId = store.GetAlerts(new AlertQuery()).Items.Single().Id;
            store.SetAlertStatus(alertId, AlertStatuses.Muted);
            store.SaveBaseline("{\"hosts\":[]}");
            store.AddCapture("plant.pcap", "abc.pcap", 1234);
            store.AddReport("Site A");
            store.SetSetting("learning", "false");
            Assert.True(store.CreateUser("viewer", Roles.ReadOnly, "a long enough password 1"));
        }
        using var reopened = fixture.Open();
        Assert.Equal((2L, 1L, 1L, 0L), reopened.Totals());
        Assert.Equal(AlertStatuses.Muted, reopened.GetAlert(alertId)!.Status);
        Assert.Equal("{\"hosts\":[]}", reopened.LoadBaseline());
        Assert.Equal("plant.pcap", reopened.GetCaptures().Single().Name);
        Assert.Equal("Site A", reopened.GetReports().Single().Site);
        Assert.Equal("false", reopened.GetSetting("learning"));
        Assert.NotNull(reopened.VerifyPassword("viewer", "a long enough password 1"));
        Assert.Equal(2, reopened.GetEvents(new EventQuery()).Total);
    }

    [Fact]
    public void GetDevices_FiltersSortsAndPages()
    {
        using var fixture = new StoreFixture();
        using var store = fixture.Open();
        store.WriteSnapshot(StoreFixture.Plant(store.BeginRun(null)));

        Assert.Equal("PLC-1", store.GetDevices(new DeviceQuery { Type = "PLC" }).Items.Single().Name);
        Assert.Equal("10.0.0.10", store.GetDevices(new DeviceQuery { PurdueLevel = 2 }).Items.Single().Key);
        Assert.Equal(2, store.GetDevices(new DeviceQuery { Protocol = "modbus" }).Total);
        Assert.Equal(0, store.GetDevices(new DeviceQuery { Protocol = "dnp3" }).Total);
        Assert.Equal("PLC-1", store.GetDevices(new DeviceQuery { Search = "schneider" }).Items.Single().Name);
        // LIKE wildcards in a search are literal.
        Assert.Equal(0, store.GetDevices(new DeviceQuery { Search = "%" }).Total);
        var page = store.GetDevices(new DeviceQuery { Sort = "name", Descending = true, Offset = 1, Limit = 1 });
        Assert.Equal(2, page.Total);
        Assert.Equal("10.0.0.10", page.Items.Single().Name);
        Assert.Equal(store.GetDevices(new DeviceQuery { Search = "10.0.0.11" }).Items.Single().Id, store.FindDeviceByAddress("10.0.0.11"));
    }

    [Fact]
    public void GetConnections_DiscoveredAndLastSeenFilters()
    {
        using var fixture = new StoreFixture();
        using var store = fixture.Open();
        store.WriteSnapshot(StoreFixture.Plant(store.BeginRun(null)));

        Assert.Single(store.GetConnections(new ConnectionQuery { DiscoveredAfter = 999, DiscoveredBefore = 1_001 }));
        Assert.Empty(store.GetConnections(new ConnectionQuery { DiscoveredAfter = 1_000 }));
        Assert.Empty(store.GetConnections(new ConnectionQuery { LastSeenSince = 60_001 }));
        Assert.Single(store.GetConnections(new ConnectionQuery { Protocol = "MODBUS" }));
    }

    [Fact]
    public void GetSensorDevicesJson_MatchesTheRecordsFieldForField()
    {
        using var fixture = new StoreFixture();
        using var store = fixture.Open();
        Assert.Equal("[]", System.Text.Encoding.UTF8.GetString(store.GetSensorDevicesJson(null)));
        store.WriteSnapshot(StoreFixture.Plant(store.BeginRun(null)));

        using var doc = System.Text.Json.JsonDocument.Parse(store.GetSensorDevicesJson(null));
        var records = store.GetDevices(new DeviceQuery()).Items;
        Assert.Equal(records.Count, doc.RootElement.GetArrayLength());
        for (int i = 0; i < records.Count; i++)
        {
            var json = doc.RootElement[i];
            var record = records[i];
            Assert.Equal(["id", "ipAddresses", "name", "vendor", "operatingSystem", "macAddresses", "type", "engineeringStation", "authorized", "scanner",
                "protocols", "firmware", "hasDynamicAddress"], json.EnumerateObject().Select(p => p.Name));
            Assert.Equal(record.Id, json.GetProperty("id").GetInt32());
            Assert.Equal(record.IpAddresses, json.GetProperty("ipAddresses").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal(record.MacAddresses, json.GetProperty("macAddresses").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal(record.Vendor, json.GetProperty("vendor").ValueKind == System.Text.Json.JsonValueKind.Null ? null : json.GetProperty("vendor").GetString());
            Assert.True(json.GetProperty("authorized").GetBoolean());
            Assert.False(json.GetProperty("scanner").GetBoolean());
            Assert.Equal(record.Protocols.Select(p => (p.Id, p.Name, string.Join(",", p.Addresses))),
                json.GetProperty("protocols").EnumerateArray().Select(p => (p.GetProperty("id").GetInt32(), p.GetProperty("name").GetString()!,
                    string.Join(",", p.GetProperty("addresses").EnumerateArray().Select(a => a.GetString())))));
            Assert.Equal(record.Firmware.Select(f => f.Model), json.GetProperty("firmware").EnumerateArray().Select(f => f.GetProperty("model").GetString()));
        }
        Assert.Equal("[]", System.Text.Encoding.UTF8.GetString(store.GetSensorDevicesJson(false)));
    }

    [Fact]
    public void WriteSnapshot_NextRunWithOtherProtocols_MergesThem()
    {
        using var fixture = new StoreFixture();
        using var store = fixture.Open();
        store.WriteSnapshot(StoreFixture.Plant(store.BeginRun(null)));
        var second = StoreFixture.Plant(store.BeginRun(null));
        var plc = second.Devices[1];
        var http = new DeviceRecord
        {
            Id = plc.Id,
            Key = plc.Key,
            Name = plc.Key,
            IpAddresses = plc.IpAddresses,
            Protocols = [new DeviceProtocolRecord(0, "HTTP", "http", [], ["server"], "port", 20)],
        };
        store.WriteSnapshot(new AnalysisSnapshot { RunId = second.RunId, Devices = [second.Devices[0], http] });

        var merged = store.GetDevices(new DeviceQuery { Search = "10.0.0.11" }).Items.Single();
        Assert.Equal(["modbus", "http"], merged.Protocols.Select(p => p.Protocol));
        Assert.Equal("PLC-1", merged.Name);            // a run that only knows the address keeps the stated name
        Assert.Equal("PLC", merged.Type);              // and the classified type
        Assert.Equal("BMX P34 2020", merged.Firmware.Single().Model);
    }

    [Fact]
    public void WriteSnapshot_FinalOfARun_RemovesDevicesItMergedAway()
    {
        using var fixture = new StoreFixture();
        using var store = fixture.Open();
        long run = store.BeginRun(null);
        var plant = StoreFixture.Plant(run);
        var macOnly = new DeviceRecord { Id = 3, Key = "00:80:f4:00:00:99", Name = "00:80:f4:00:00:99", MacAddresses = ["00:80:f4:00:00:99"] };
        store.WriteSnapshot(new AnalysisSnapshot { RunId = run, Devices = [.. plant.Devices, macOnly] });
        Assert.Equal(3, store.Totals().Devices);
        store.WriteSnapshot(new AnalysisSnapshot { RunId = run, Devices = plant.Devices, Final = true });
        Assert.Equal(2, store.Totals().Devices);
        // A later run's final snapshot never removes what earlier runs found.
        long next = store.BeginRun(null);
        store.WriteSnapshot(new AnalysisSnapshot { RunId = next, Devices = [plant.Devices[0]], Final = true });
        Assert.Equal(2, store.Totals().Devices);
    }
}
