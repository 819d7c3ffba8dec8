using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// For every PROFINET capture in ../shared/pcaps/public/profinet, the events.jsonl written by the engine is
/// compared with tshark's ground truth: DCP services (<c>pn_dcp.service_id</c>) and service/type pairs
/// (<c>pn_dcp.service_id_type</c>), PNIO-CM operation numbers (<c>pn_io.opnum</c>), control commands
/// (<c>pn_io.control_command</c>) and RT FrameIDs (<c>pn_rt.frame_id</c>). They must be identical, or differ
/// exactly as listed in <see cref="KnownDifferences"/>; DCP station names, vendor and device ids and IP addresses
/// must be tshark's, frame by frame.
/// </summary>
/// <remarks>
/// Contract decisions: cyclic RT frames, PTCP and fragmentation frames are counted by the RT session and never
/// recorded (one record per cyclic frame would be millions); RTA alarms are recorded under <c>profinet-io</c>
/// with <c>function</c> null; RPC control packets (ping, nocall, fack) are recorded with <c>function</c> null and
/// the first fragments of a fragmented call give no record (the call is recorded once, at its last fragment).
/// </remarks>
public sealed class ProfinetConformanceTests
{
    private const string Family = "profinet";

    private const string CyclicReason = "Cyclic RT_CLASS_1 process data (FrameID 0xC000/0xC002): counted by the RT session, never one record per frame.";
    private const string PtcpReason = "PTCP delay measurement frames (FrameID 0xFF40, tshark pn_ptcp): counted, not decoded or recorded.";
    private const string FragmentReason = "FrameIDs 0xFF83–0xFF8D: RT fragmentation / reserved acyclic frames; counted, not recorded.";

    /// <summary>Differences between tshark 4.0.17 and OtSensor, per capture, each explained.</summary>
    private static readonly Dictionary<string, (HistogramDiff Diff, string Reason)[]> KnownDifferences = new(StringComparer.Ordinal)
    {
        ["icsnpp-profinet-io-cm__profinet_io_cm_mixed_1.pcap"] =
        [
            (new("frameId", 0xC000, 56, 0), CyclicReason),
            (new("frameId", 0xC002, 46, 0), CyclicReason),
            (new("frameId", 0xFF40, 41, 0), PtcpReason),
        ],
        ["icsnpp-profinet-io-cm__profinet_io_cm.pcap"] =
        [
            (new("frameId", 0xFF83, 1, 0), FragmentReason),
            (new("frameId", 0xFF84, 1, 0), FragmentReason),
            (new("frameId", 0xFF85, 1, 0), FragmentReason),
            (new("frameId", 0xFF86, 1, 0), FragmentReason),
            (new("frameId", 0xFF87, 1, 0), FragmentReason),
            (new("frameId", 0xFF88, 1, 0), FragmentReason),
            (new("frameId", 0xFF89, 1, 0), FragmentReason),
            (new("frameId", 0xFF8A, 1, 0), FragmentReason),
            (new("frameId", 0xFF8C, 1, 0), FragmentReason),
            (new("frameId", 0xFF8D, 1, 0), FragmentReason),
        ],
    };

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var path in SharedCaptures.Captures(Family)) data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void EventLog_MatchesTshark_OrDiffersOnlyAsExplained(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicFolder(Family), capture);
        var truth = TsharkTruth.Load(path);
        using var run = new AnalyzeRunner(path);
        var events = EventLog.Read(run.EventsPath).Where(e => e.GetProperty("protocol").GetString()!.StartsWith("profinet", StringComparison.Ordinal)).ToList();

        var diffs = HistogramDiff.Compare("dcpService", truth.Histogram(Family, "pn_dcp.service_id"), EventLog.Histogram(events, "profinet-dcp", "function"))
            .Concat(HistogramDiff.Compare("dcpServiceType", ServiceTypeTruth(path), ServiceTypes(events)))
            .Concat(HistogramDiff.Compare("opnum", truth.Histogram(Family, "pn_io.opnum"), EventLog.Histogram(events, "profinet-io", "function")))
            .Concat(HistogramDiff.Compare("controlCommand", truth.Histogram(Family, "pn_io.control_command"), EventLog.Histogram(events, "profinet-io", "controlCommand")))
            .Concat(HistogramDiff.Compare("frameId", truth.Histogram(Family, "pn_rt.frame_id"), FrameIds(events)))
            .ToList();
        var expected = KnownDifferences.TryGetValue(capture, out var known) ? known.Select(k => k.Diff).ToList() : [];
        Assert.True(expected.SequenceEqual(diffs),
            $"{capture}: expected differences [{string.Join("; ", expected)}] but found [{string.Join("; ", diffs)}]");

        // Only the fuzzed station name "%n%n%n " of the Wireshark bug capture is flagged.
        var anomalies = events.SelectMany(e => e.GetProperty("anomalies").EnumerateArray().Select(a => a.GetString())).ToList();
        if (capture == "ICS-Security-Tools__profinet-wireshark-bug.pcap") Assert.Equal(["name_not_dns_compatible", "name_not_dns_compatible"], anomalies);
        else Assert.Empty(anomalies);
        Assert.DoesNotContain(run.Summary.Anomalies.Keys, k => k.StartsWith("profinet", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ICS-Security-Tools__PROFINET-RT.pcap")]
    [InlineData("ICS-Security-Tools__profinet-wireshark-bug.pcap")]
    [InlineData("icsnpp-profinet-io-cm__profinet_io_cm_mixed_1.pcap")]
    public void DcpValues_MatchTsharkFrameByFrame(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicFolder(Family), capture);
        using var run = new AnalyzeRunner(path);
        var ours = EventLog.Read(run.EventsPath)
            .Where(e => e.GetProperty("protocol").GetString() == "profinet-dcp")
            .ToDictionary(e => e.GetProperty("frame").GetInt64(), e => (
                Name: Text(e, "nameOfStation"),
                Vendor: Hex(e, "vendorId"),
                Device: Hex(e, "deviceId"),
                Ip: Text(e, "ip")));
        var tshark = Tshark(path, "pn_dcp", "frame.number", "pn_dcp.suboption_device_nameofstation", "pn_dcp.suboption_vendor_id",
            "pn_dcp.suboption_device_id", "pn_dcp.suboption_ip_ip");
        Assert.Equal(tshark.Count, ours.Count);
        Assert.Contains(tshark, f => f[1].Length > 0);
        foreach (var f in tshark)
        {
            long frame = long.Parse(f[0], CultureInfo.InvariantCulture);
            Assert.Equal((f[1], f[2], f[3], f[4]), ours[frame]);
        }
    }

    [Fact]
    public void Analyze_IdentifyResponse_IdentityInInventory()
    {
        // icsnpp mixed_1 frame 466: a GE VersaMax PNS answers Identify: NameOfStation "versamax-pns11",
        // DeviceVendorValue "IC200PNS001", VendorID 0x015a, DeviceID 0x0003, IP 192.168.1.2 (tshark).
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicFolder(Family), "icsnpp-profinet-io-cm__profinet_io_cm_mixed_1.pcap"));
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.OutputDirectory, "devices.json")));
        var device = doc.RootElement.EnumerateArray().Single(d => d.GetProperty("macAddresses").EnumerateArray().Any(m => m.GetString() == "00:09:91:43:e0:67"));
        Assert.Equal("versamax-pns11", device.GetProperty("name").GetString());
        var evidence = device.GetProperty("evidence");
        Assert.Equal("IC200PNS001", evidence.GetProperty("model").GetProperty("value").GetString());
        Assert.Equal("0x015a/0x0003", evidence.GetProperty("productCode").GetProperty("value").GetString());
    }

    [Fact]
    public void Analyze_DeviceCapture_OperationsAsMapped()
    {
        // icsnpp profinet_io_cm_device: one AR from Connect to Release with Read, Write and Control in between.
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicFolder(Family), "icsnpp-profinet-io-cm__profinet_io_cm_device.pcapng"));
        var operations = EventLog.Read(run.EventsPath)
            .Where(e => e.GetProperty("protocol").GetString() == "profinet-io")
            .GroupBy(e => e.GetProperty("functionName").GetString()!)
            .ToDictionary(g => g.Key, g => g.Select(e => e.GetProperty("operation").GetString()).Distinct().Single(), StringComparer.Ordinal);
        Assert.Equal("control", operations["Connect"]);
        Assert.Equal("stop", operations["Release"]);
        Assert.Equal("read", operations["Read"]);
        Assert.Equal("write", operations["Write"]);
        Assert.Equal("control", operations["Control"]);
    }

    [Fact]
    public void Analyze_WriteRequests_RecordIndexAsTshark()
    {
        var path = Path.Combine(SharedCaptures.PublicFolder(Family), "icsnpp-profinet-io-cm__profinet_io_cm_device.pcapng");
        using var run = new AnalyzeRunner(path);
        var ours = EventLog.Read(run.EventsPath)
            .Where(e => e.GetProperty("protocol").GetString() == "profinet-io" && e.TryGetProperty("recordIndex", out _))
            .ToDictionary(e => e.GetProperty("frame").GetInt64(), e => e.GetProperty("recordIndex").GetInt32());
        var tshark = Tshark(path, "pn_io.index", "frame.number", "pn_io.index");
        Assert.NotEmpty(tshark);
        foreach (var f in tshark)
        {
            // tshark lists every header's index in the frame (a multiple write repeats it); the first is the call's.
            int first = Convert.ToInt32(f[1].Split(',')[0], 16);
            Assert.Equal(first, ours[long.Parse(f[0], CultureInfo.InvariantCulture)]);
        }
    }

    private static string Text(JsonElement e, string key) => e.TryGetProperty(key, out var v) ? v.GetString()! : "";

    /// <summary>tshark prints the 16-bit ids as "0x002a".</summary>
    private static string Hex(JsonElement e, string key)
        => e.TryGetProperty(key, out var v) ? "0x" + v.GetInt32().ToString("x4", CultureInfo.InvariantCulture) : "";

    private static SortedDictionary<int, int> FrameIds(List<JsonElement> events)
    {
        var histogram = new SortedDictionary<int, int>();
        foreach (var e in events)
            if (e.TryGetProperty("frameId", out var id)) histogram[id.GetInt32()] = histogram.GetValueOrDefault(id.GetInt32()) + 1;
        return histogram;
    }

    /// <summary>Service and type as one code (service × 256 + type) so the "5/1" keys of the truth compare as numbers.</summary>
    private static SortedDictionary<int, int> ServiceTypes(List<JsonElement> events)
    {
        var histogram = new SortedDictionary<int, int>();
        foreach (var e in events.Where(e => e.GetProperty("protocol").GetString() == "profinet-dcp"))
        {
            int code = (e.GetProperty("function").GetInt32() << 8) | e.GetProperty("serviceType").GetInt32();
            histogram[code] = histogram.GetValueOrDefault(code) + 1;
        }
        return histogram;
    }

    private static SortedDictionary<int, int> ServiceTypeTruth(string capturePath)
    {
        var histogram = new SortedDictionary<int, int>();
        using var doc = JsonDocument.Parse(File.ReadAllBytes(capturePath + ".tshark.json"));
        if (doc.RootElement.GetProperty("details").TryGetProperty(Family, out var f) && f.TryGetProperty("pn_dcp.service_id_type", out var counts))
        {
            foreach (var entry in counts.EnumerateObject())
            {
                var parts = entry.Name.Split('/');
                histogram[(int.Parse(parts[0], CultureInfo.InvariantCulture) << 8) | int.Parse(parts[1], CultureInfo.InvariantCulture)] = entry.Value.GetInt32();
            }
        }
        return histogram;
    }

    private static List<string[]> Tshark(string path, string filter, params string[] fields)
    {
        var arguments = new List<string> { "-n", "-r", path, "-Y", filter, "-T", "fields" };
        foreach (var field in fields)
        {
            arguments.Add("-e");
            arguments.Add(field);
        }
        var start = new ProcessStartInfo("tshark", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
    }
}
