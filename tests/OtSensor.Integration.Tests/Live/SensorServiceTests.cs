using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Live;

/// <summary>
/// <c>otsensor sensor</c> as the service runs it (<see cref="SensorProcess"/>: the unit's user and capabilities), on a
/// veth pair with real captures replayed by tcpreplay: live devices and alerts through the REST API, a SIGKILL and a
/// restart with the store intact, a clean SIGTERM, drops counted and alerted, and a SIGHUP reload.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SensorServiceTests : IDisposable
{
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(40);
    private readonly string _folder = Directory.CreateTempSubdirectory("otsensor-sensor-").FullName;

    private static string[] Captures => [.. new[] { "modbus/zeek__modbusSmall.pcap", "s7comm/ICS-Security-Tools__s7comm_program_blocklist_onlineview.pcap", "dnp3/ICS-Security-Tools__dnp3_test_data_part1.pcap" }
        .Select(f => Path.Combine(SharedCaptures.PublicRoot!, f))];

    [LiveNetworkFact]
    public void Sensor_ReplayKillNineRestartSigterm_DevicesAsOfflineStoreIntactCleanExit()
    {
        using var veth = new VethPair();
        var store = SensorProcess.MakeStore(_folder, "store");
        var (config, address) = Config(veth.CaptureSide, store, "\"learning\": \"0\"");

        // Offline analysis of the same files: the devices the sensor must find.
        var offline = Path.Combine(_folder, "offline");
        Assert.Equal(0, CliRunner.Run(["analyze", "--quiet", "--out", offline, .. Captures]).ExitCode);
        using var offlineDevices = JsonDocument.Parse(File.ReadAllText(Path.Combine(offline, "devices.json")));
        var expected = Addresses(offlineDevices.RootElement);

        HashSet<string> before;
        long[] alertsBefore;
        string password;
        using (var first = new SensorProcess(config, store))
        {
            Assert.True(first.WaitForLog("capturing on", Start), first.Everything);
            password = first.InitialPassword() ?? throw new InvalidOperationException("no first-start password:\n" + first.Everything);
            long sent = veth.Replay("--topspeed", Captures);
            first.Login(address, password);
            // Every frame sent was captured and analysed (IPv6 is off on the pair: nothing else crosses it).
            Assert.True(SensorProcess.Eventually(() =>
            {
                using var health = SensorProcess.Health(address);
                return health.RootElement.GetProperty("analysis").GetProperty("frames").GetInt64() == sent;
            }, TimeSpan.FromSeconds(20)), $"sent {sent}\n{first.Everything}");
            Assert.True(SensorProcess.Eventually(() => Devices(first).SetEquals(expected), TimeSpan.FromSeconds(20)),
                $"live devices {string.Join(", ", Devices(first))} vs offline {string.Join(", ", expected)}\n{first.Everything}");
            Assert.True(SensorProcess.Eventually(() => AlertIds(first).Length > 0, TimeSpan.FromSeconds(10)), "no alerts\n" + first.Everything);
            before = Devices(first);
            alertsBefore = AlertIds(first);

            first.Process.Kill();
            Assert.True(first.WaitForExit(TimeSpan.FromSeconds(10)));
            Assert.Equal(137, first.Process.ExitCode);
        }

        using var second = new SensorProcess(config, store);
        Assert.True(second.WaitForLog("capturing on", Start), second.Everything);
        Assert.Null(second.InitialPassword());
        second.Login(address, password);
        // Before any new traffic: what the killed process stored is all there.
        Assert.Equal(before, Devices(second));
        Assert.Subset(AlertIds(second).ToHashSet(), alertsBefore.ToHashSet());

        second.Signal(15);
        Assert.True(second.WaitForExit(TimeSpan.FromSeconds(30)), second.Everything);
        Assert.True(second.Process.ExitCode == 0, second.Everything);
        Assert.Contains("stopped: final snapshot written", second.Messages);
        Assert.All(second.Output.Where(l => l.StartsWith('{')), l => JsonDocument.Parse(l).Dispose());

        // The killed run stays unfinished; the cleanly stopped one is finished (its final snapshot went in first).
        using var db = new SqliteConnection($"Data Source={Path.Combine(store, "otsensor.db")};Mode=ReadOnly");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT finished IS NOT NULL FROM runs ORDER BY id";
        var finished = new List<bool>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) finished.Add(reader.GetBoolean(0));
        Assert.Equal([false, true], finished);
    }

    [LiveNetworkFact]
    public void Sensor_ReplayRaisingAlerts_AlertPcapsCutFromTheRingHoldTheOfflineEvidenceFrames()
    {
        using var veth = new VethPair();
        var store = SensorProcess.MakeStore(_folder, "store");
        // Small segments so the replay spans several of them (and several write buffers within each).
        var (config, address) = Config(veth.CaptureSide, store, "\"learning\": \"0\", \"ring\": {\"segmentMb\": 1, \"segments\": 64}");
        var offline = Path.Combine(_folder, "offline");
        // Learning off as in the sensor's configuration.
        Assert.Equal(0, CliRunner.Run(["analyze", "--quiet", "--learn", "0", "--out", offline, .. Captures]).ExitCode);
        var expected = OfflineAlertPcaps(offline);
        Assert.True(expected.Count >= 6, $"{expected.Count} offline alerts with a PCAP");

        using var sensor = new SensorProcess(config, store);
        Assert.True(sensor.WaitForLog("capturing on", Start), sensor.Everything);
        Assert.True(sensor.WaitForLog("traffic ring in ", Start), sensor.Everything);
        long sent = veth.Replay("--topspeed", Captures);
        sensor.Login(address, sensor.InitialPassword()!);
        Assert.True(SensorProcess.Eventually(() =>
        {
            using var health = SensorProcess.Health(address);
            if (!health.RootElement.GetProperty("capture").TryGetProperty("ring", out var ring)) return false;
            return ring.GetProperty("framesWritten").GetInt64() == sent && ring.GetProperty("alertPcaps").GetInt64() >= expected.Count;
        }, TimeSpan.FromSeconds(20)), $"sent {sent}\n{sensor.Everything}");

        // Live alert PCAPs by alert key (all alerts of a key, in id order) with the alerts' counts.
        var live = new Dictionary<string, List<(long Id, long Count)>>();
        using (var alerts = sensor.Get("/api/console/alerts?limit=1000"))
            foreach (var a in alerts.RootElement.GetProperty("items").EnumerateArray().Where(a => a.GetProperty("hasPcap").GetBoolean()).OrderBy(a => a.GetProperty("id").GetInt64()))
                (live.TryGetValue(AlertKey(a), out var list) ? list : live[AlertKey(a)] = []).Add((a.GetProperty("id").GetInt64(), a.GetProperty("count").GetInt64()));
        // Protocol-violation and operational alerts rest on the traffic alone; policy alerts also on the learning
        // settings, which differ between analyze --learn 0 and the sensor (its newcomer learning), so they are left out.
        var compared = expected.Where(e => e.Value.Engine != "Policy Violation").ToList();
        var missing = compared.Where(e => !live.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        Assert.True(missing.Count == 0, $"no live PCAP for: {string.Join(" | ", missing)}\nlive: {string.Join(" | ", live.Keys)}");
        Assert.True(compared.Count >= 6, $"{compared.Count} alert kinds compared");
        int exact = 0;
        foreach (var (key, offlineAlerts) in compared)
        {
            var liveFrames = new List<byte[]>();
            foreach (var (id, _) in live[key])
            {
                var (status, type, body) = sensor.GetBytes($"/api/v2/alerts/pcap/{id}");
                Assert.Equal((HttpStatusCode.OK, "application/vnd.tcpdump.pcap"), (status, type));
                var path = Path.Combine(_folder, $"live-{id}.pcap");
                File.WriteAllBytes(path, body);
                liveFrames.AddRange(PcapFrames(path));
            }
            // Replayed at top speed, repeats that offline are separate alerts (minutes apart in capture time) can fall
            // within one alert's count-up window live: the frames are then spread over other alerts, never other frames.
            Assert.NotEmpty(liveFrames);
            Assert.All(liveFrames, f => Assert.Contains(f, offlineAlerts.Frames, new BytesComparer()));
            if (offlineAlerts.Counts.SequenceEqual(live[key].Select(a => a.Count)))
            {
                Assert.True(offlineAlerts.Frames.SequenceEqual(liveFrames, new BytesComparer()),
                    $"{key}: live frames ({liveFrames.Count}: {string.Join(", ", liveFrames.Select(f => f.Length))}) differ from the offline alert PCAPs' ({offlineAlerts.Frames.Count}: {string.Join(", ", offlineAlerts.Frames.Select(f => f.Length))})");
                exact++;
            }
        }
        Assert.True(exact >= 4, $"{exact} alert kinds with the same alerts and counts live and offline");

        // The ring stayed within its bound: 64 segments of 1 MiB at most.
        var segments = Directory.GetFiles(Path.Combine(store, "ring"), "ring-*.pcapng");
        Assert.NotEmpty(segments);
        Assert.All(segments, f => Assert.True(new FileInfo(f).Length <= 1 << 20, f));
        sensor.Signal(15);
        Assert.True(sensor.WaitForExit(TimeSpan.FromSeconds(30)) && sensor.Process.ExitCode == 0, sensor.Everything);
    }

    [LiveNetworkFact]
    public void Sensor_RingFolderGone_RingAlertRaisedCaptureAndAnalysisGoOn()
    {
        using var veth = new VethPair();
        var store = SensorProcess.MakeStore(_folder, "store");
        var (config, address) = Config(veth.CaptureSide, store, "\"learning\": \"0\", \"ring\": {\"segmentMb\": 1, \"segments\": 4}");
        using var sensor = new SensorProcess(config, store);
        Assert.True(sensor.WaitForLog("traffic ring in ", Start), sensor.Everything);
        // The sensor cannot create its next segment: the folder is gone (as on a disk that went away or filled up).
        Directory.Delete(Path.Combine(store, "ring"), recursive: true);
        long sent = veth.Replay("--topspeed", Captures);
        sensor.Login(address, sensor.InitialPassword()!);
        Assert.True(SensorProcess.Eventually(() =>
        {
            using var health = SensorProcess.Health(address);
            var root = health.RootElement;
            if (!root.GetProperty("capture").TryGetProperty("ring", out var ring)) return false;
            return root.GetProperty("analysis").GetProperty("frames").GetInt64() == sent && ring.GetProperty("writeErrors").GetInt64() > 0
                && ring.GetProperty("framesLost").GetInt64() > 0;
        }, TimeSpan.FromSeconds(20)), $"sent {sent}\n{sensor.Everything}");
        Assert.Contains(sensor.Messages, l => l.StartsWith("traffic ring: ", StringComparison.Ordinal));
        Assert.True(SensorProcess.Eventually(() =>
        {
            using var alerts = sensor.Get("/api/console/alerts?engine=Operational&limit=1000");
            return alerts.RootElement.GetProperty("items").EnumerateArray().Any(a => a.GetProperty("title").GetString() == "Sensor Cannot Record Traffic For Alert PCAPs");
        }, TimeSpan.FromSeconds(10)), sensor.Everything);
        Assert.NotEmpty(AlertIds(sensor));
        sensor.Signal(15);
        Assert.True(sensor.WaitForExit(TimeSpan.FromSeconds(30)) && sensor.Process.ExitCode == 0, sensor.Everything);
    }

    /// <summary>Title, source and destination address of an alert (alerts.json and the console name them the same).</summary>
    private static string AlertKey(JsonElement alert)
        => $"{alert.GetProperty("title").GetString()} {Text(alert, "sourceDeviceAddress")} -> {Text(alert, "destinationDeviceAddress")}";

    private static string Text(JsonElement e, string name)
        => e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "-";

    /// <summary>Per <see cref="AlertKey"/>: the engine, the counts of its alerts (id order) and the frames of their PCAPs, one after the other.</summary>
    private static Dictionary<string, (string Engine, List<long> Counts, List<byte[]> Frames)> OfflineAlertPcaps(string offline)
    {
        using var alerts = JsonDocument.Parse(File.ReadAllText(Path.Combine(offline, "alerts.json")));
        var result = new Dictionary<string, (string Engine, List<long> Counts, List<byte[]> Frames)>();
        foreach (var a in alerts.RootElement.EnumerateArray().OrderBy(a => a.GetProperty("id").GetInt64()))
        {
            var pcap = Path.Combine(offline, "alerts", a.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture) + ".pcap");
            if (!File.Exists(pcap)) continue;
            if (!result.TryGetValue(AlertKey(a), out var entry)) result[AlertKey(a)] = entry = (a.GetProperty("engine").GetString()!, [], []);
            entry.Counts.Add(a.GetProperty("count").GetInt64());
            entry.Frames.AddRange(PcapFrames(pcap));
        }
        return result;
    }

    /// <summary>The frames of a classic pcap, read by hand (16-byte record headers, little-endian as both writers write).</summary>
    private static List<byte[]> PcapFrames(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length >= 24 && BitConverter.ToUInt32(bytes, 0) == 0xA1B2C3D4, $"{path}: not a little-endian microsecond pcap");
        var frames = new List<byte[]>();
        for (int offset = 24; offset < bytes.Length;)
        {
            int captured = BitConverter.ToInt32(bytes, offset + 8);
            Assert.InRange(captured, 1, bytes.Length - offset - 16);
            frames.Add(bytes.AsSpan(offset + 16, captured).ToArray());
            offset += 16 + captured;
        }
        return frames;
    }

    private sealed class BytesComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);
        public int GetHashCode(byte[] obj) => obj.Length;
    }

    [LiveNetworkFact]
    public void Sensor_TinyBufferAndQueueOverrun_DropAlertAndCountersInHealth()
    {
        using var veth = new VethPair();
        var store = SensorProcess.MakeStore(_folder, "store");
        // 64 KiB of kernel buffer and a 4 KiB queue: a burst at top speed cannot fit.
        var (config, address) = Config(veth.CaptureSide, store, "\"bufferMb\": 0.0625, \"queueMb\": 0.00390625");
        using var sensor = new SensorProcess(config, store);
        Assert.True(sensor.WaitForLog("capturing on", Start), sensor.Everything);
        long sent = veth.Replay("--topspeed", Path.Combine(SharedCaptures.PublicRoot!, "modbus/ICS-Security-Tools__ModbusTCP.pcap"));

        JsonElement total = default;
        Assert.True(SensorProcess.Eventually(() =>
        {
            using var health = SensorProcess.Health(address);
            total = health.RootElement.GetProperty("capture").GetProperty("total").Clone();
            return total.GetProperty("kernelReceived").GetInt64() == sent && health.RootElement.GetProperty("capture").GetProperty("dropAlerts").GetInt64() >= 1;
        }, TimeSpan.FromSeconds(20)), $"sent {sent}, counters {total}\n{sensor.Everything}");
        long kernel = total.GetProperty("droppedByKernel").GetInt64(), queue = total.GetProperty("droppedByUs").GetInt64();
        Assert.True(kernel + queue > 0, total.ToString());
        Assert.Equal(sent, total.GetProperty("received").GetInt64() + kernel);
        Assert.Equal(total.GetProperty("received").GetInt64(), total.GetProperty("delivered").GetInt64() + queue);
        Assert.Contains(sensor.Messages, l => l.StartsWith("capture drops:", StringComparison.Ordinal));

        sensor.Login(address, sensor.InitialPassword()!);
        Assert.True(SensorProcess.Eventually(() =>
        {
            using var alerts = sensor.Get("/api/console/alerts?engine=Operational&limit=1000");
            return alerts.RootElement.GetProperty("items").EnumerateArray().Any(a => a.GetProperty("title").GetString() == "Sensor Dropped Captured Packets");
        }, TimeSpan.FromSeconds(10)), sensor.Everything);
        sensor.Signal(15);
        Assert.True(sensor.WaitForExit(TimeSpan.FromSeconds(30)) && sensor.Process.ExitCode == 0, sensor.Everything);
    }

    [LiveNetworkFact]
    public void Sensor_SighupAddsForwardingTarget_AlertsReachSyslogAndFlushOnSigterm()
    {
        using var veth = new VethPair();
        using var syslog = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        int syslogPort = ((System.Net.IPEndPoint)syslog.Client.LocalEndPoint!).Port;
        var store = SensorProcess.MakeStore(_folder, "store");
        var (config, _) = Config(veth.CaptureSide, store, "\"learning\": \"0\"");
        using var sensor = new SensorProcess(config, store);
        Assert.True(sensor.WaitForLog("capturing on", Start), sensor.Everything);

        SensorProcess.WriteConfig(config, File.ReadAllText(config).Replace("\"learning\": \"0\"",
            $"\"learning\": \"0\", \"forwarding\": {{\"targets\": [{{\"type\": \"syslog\", \"url\": \"udp://127.0.0.1:{syslogPort}\", \"format\": \"cef\"}}]}}", StringComparison.Ordinal));
        sensor.Signal(1);
        Assert.True(sensor.WaitForLog($"forwarding to syslog", TimeSpan.FromSeconds(10)), sensor.Everything);
        veth.Replay("--topspeed", Captures[0]);

        var received = new List<string>();
        var end = DateTime.UtcNow.AddSeconds(20);
        while (received.Count == 0 && DateTime.UtcNow < end)
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                var datagram = syslog.ReceiveAsync(wait.Token).AsTask().GetAwaiter().GetResult();
                received.Add(System.Text.Encoding.UTF8.GetString(datagram.Buffer));
            }
            catch (OperationCanceledException)
            {
            }
        }
        Assert.True(received.Count > 0, "nothing reached the syslog target\n" + sensor.Everything);
        Assert.Contains("CEF:0|", received[0], StringComparison.Ordinal);
        sensor.Signal(15);
        Assert.True(sensor.WaitForExit(TimeSpan.FromSeconds(30)) && sensor.Process.ExitCode == 0, sensor.Everything);
        Assert.True(sensor.Messages.Contains("forwarders flushed: everything sent"), string.Join('\n', sensor.Messages));
    }

    [LiveNetworkFact]
    public void Sensor_SighupWithNewLearningWindow_AppliesLiveAndNamesRestartKeys()
    {
        using var veth = new VethPair();
        var store = SensorProcess.MakeStore(_folder, "store");
        var (config, address) = Config(veth.CaptureSide, store, "\"learning\": \"10m\"");
        using var sensor = new SensorProcess(config, store);
        Assert.True(sensor.WaitForLog("capturing on", Start), sensor.Everything);
        using (var health = SensorProcess.Health(address))
            Assert.Equal(600, health.RootElement.GetProperty("analysis").GetProperty("learningWindowSeconds").GetInt64());
        long firstRun = RunId(address);

        var text = File.ReadAllText(config).Replace("\"learning\": \"10m\"", "\"learning\": \"30s\", \"snaplen\": 1500, \"logLevel\": \"Debug\"", StringComparison.Ordinal);
        SensorProcess.WriteConfig(config, text);
        sensor.Signal(1);
        Assert.True(sensor.WaitForLog("needs a restart to apply: snaplen", TimeSpan.FromSeconds(10)), sensor.Everything);
        Assert.True(SensorProcess.Eventually(() =>
        {
            using var health = SensorProcess.Health(address);
            return health.RootElement.GetProperty("analysis").GetProperty("learningWindowSeconds").GetInt64() == 30 && RunId(address) > firstRun;
        }, TimeSpan.FromSeconds(10)), sensor.Everything);
        sensor.Login(address, sensor.InitialPassword()!);
        using (var learning = sensor.Get("/api/console/settings/learning"))
            Assert.Equal(30, learning.RootElement.GetProperty("learningWindowSeconds").GetInt64());

        // A broken file on reload is refused with the key named; the sensor keeps running on what it has.
        SensorProcess.WriteConfig(config, text.Replace("\"snaplen\": 1500", "\"snaplen\": \"big\"", StringComparison.Ordinal));
        sensor.Signal(1);
        Assert.True(sensor.WaitForLog("reload refused", TimeSpan.FromSeconds(10)), sensor.Everything);
        Assert.Contains(sensor.Messages, l => l.StartsWith("reload refused, the running configuration is kept: sensor.json: 'snaplen': must be an integer", StringComparison.Ordinal));
        Assert.False(sensor.Process.HasExited);
        sensor.Signal(2);
        Assert.True(sensor.WaitForExit(TimeSpan.FromSeconds(30)) && sensor.Process.ExitCode == 0, sensor.Everything);
    }

    [LiveNetworkFact]
    public void Sensor_MonitorInterfaceRemoved_ExitsOneForSystemdToRestart()
    {
        // Disposed twice on success (once to pull the interface away, once by using): the second does nothing.
        using var veth = new VethPair();
        var store = SensorProcess.MakeStore(_folder, "store");
        var (config, _) = Config(veth.CaptureSide, store, "\"learning\": \"0\"");
        using var sensor = new SensorProcess(config, store);
        Assert.True(sensor.WaitForLog("capturing on", Start), sensor.Everything);
        veth.Dispose();
        Assert.True(sensor.WaitForExit(TimeSpan.FromSeconds(30)), sensor.Everything);
        Assert.True(sensor.Process.ExitCode == 1, sensor.Everything);
        Assert.Contains(sensor.Messages, m => m.StartsWith("capture stopped: ", StringComparison.Ordinal));
        Assert.Contains("stopped: final snapshot written", sensor.Messages);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A configuration for one interface, plain HTTP on a free loopback port, plus <paramref name="extra"/> keys.</summary>
    private (string Path, Uri Address) Config(string captureInterface, string store, string extra)
    {
        int port = SensorProcess.FreePort();
        var path = Path.Combine(_folder, "sensor.json");
        SensorProcess.WriteConfig(path, string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "interfaces": ["{{captureInterface}}"],
              "store": "{{store}}",
              "urls": ["http://127.0.0.1:{{port}}"],
              "http": true,
              "logLevel": "Information",
              {{extra}}
            }
            """));
        return (path, new Uri($"http://127.0.0.1:{port}"));
    }

    private static long RunId(Uri address)
    {
        using var health = SensorProcess.Health(address);
        return health.RootElement.GetProperty("analysis").GetProperty("runId").GetInt64();
    }

    private static HashSet<string> Devices(SensorProcess sensor)
    {
        using var devices = sensor.Get("/api/console/devices?limit=1000");
        return Addresses(devices.RootElement.GetProperty("items"));
    }

    private static HashSet<string> Addresses(JsonElement devices)
        => [.. devices.EnumerateArray().SelectMany(d => d.GetProperty("ipAddresses").EnumerateArray()).Select(a => a.GetString()!)];

    private static long[] AlertIds(SensorProcess sensor)
    {
        using var alerts = sensor.Get("/api/console/alerts?limit=1000");
        return [.. alerts.RootElement.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt64())];
    }
}
