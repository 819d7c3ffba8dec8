using System.Text.Json;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// For every DNP3 capture in ../shared/pcaps/public/dnp3, the events.jsonl written by the engine is compared with
/// tshark's ground truth: application function codes (<c>dnp3.al.func</c>) must be identical or differ exactly as
/// listed in <see cref="KnownDifferences"/>, and every link address pair we report (<c>dnp3Src</c>→<c>dnp3Dst</c>)
/// must be one tshark saw (<c>dnp3.addr_pairs</c>).
/// </summary>
public sealed class Dnp3ConformanceTests
{
    /// <summary>Differences between tshark 4.0.17 and OtSensor, per capture, each explained.</summary>
    private static readonly Dictionary<string, (HistogramDiff Diff, string Reason)[]> KnownDifferences = new(StringComparer.Ordinal)
    {
        ["icsnpp-dnp3__dnp3_example.pcap"] =
        [
            (new("function", 0, 1, 0), "Frame 311 is a single-frame Response (transport FIR FIN seq 0, FC 129); tshark glues it onto the unfinished "
                + "fragment of frame 210 (also transport seq 0) and decodes that fragment's first octets as a Confirm. We decode frame 311 alone."),
            (new("function", 129, 360, 364), "Frames 18, 114 and 210 end two-frame responses whose transport sequence wraps 63 → 0 (§8.2.1.2 counts "
                + "modulo 64); tshark 4.0 does not reassemble across the wrap and leaves them as unreassembled fragments. Plus frame 311 above."),
            (new("function", 130, 3, 4), "Frame 810 ends a three-frame unsolicited response with transport sequence 62, 63, 0: the same wrap."),
        ],
    };

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var path in SharedCaptures.Captures("dnp3")) data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void EventLog_MatchesTshark_OrDiffersOnlyAsExplained(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicFolder("dnp3"), capture);
        var truth = TsharkTruth.Load(path);
        using var run = new AnalyzeRunner(path);
        var events = EventLog.Read(run.EventsPath).ToList();

        var diffs = HistogramDiff.Compare("function", truth.Histogram("dnp3", "dnp3.al.func"), EventLog.Histogram(events, "dnp3", "function")).ToList();
        var expected = KnownDifferences.TryGetValue(capture, out var known) ? known.Select(k => k.Diff).ToList() : [];
        Assert.True(expected.SequenceEqual(diffs),
            $"{capture}: expected differences [{string.Join("; ", expected)}] but found [{string.Join("; ", diffs)}]");

        var truthPairs = AddressPairs(path);
        var ours = events.Where(e => e.GetProperty("protocol").GetString() == "dnp3")
            .Select(e => $"{e.GetProperty("dnp3Src").GetInt32()}->{e.GetProperty("dnp3Dst").GetInt32()}")
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(ours.IsSubsetOf(truthPairs), $"{capture}: pairs [{string.Join(", ", ours)}] not all in tshark's [{string.Join(", ", truthPairs)}]");
        if (truth.Histogram("dnp3", "dnp3.al.func").Count > 0) Assert.NotEmpty(ours);
    }

    [Fact]
    public void Analyze_WarmRestartExchange_AddressesAndRoles()
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicFolder("dnp3"), "ICS-Security-Tools__warm_restart_and_response.pcap"));
        var events = EventLog.Read(run.EventsPath).Where(e => e.GetProperty("protocol").GetString() == "dnp3").ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal((1, 10, "request"), (events[0].GetProperty("dnp3Src").GetInt32(), events[0].GetProperty("dnp3Dst").GetInt32(), events[0].GetProperty("direction").GetString()));
        Assert.Equal((10, 1, "response"), (events[1].GetProperty("dnp3Src").GetInt32(), events[1].GetProperty("dnp3Dst").GetInt32(), events[1].GetProperty("direction").GetString()));
        Assert.Equal("restart", events[0].GetProperty("operation").GetString());
    }

    /// <summary>
    /// Roles follow the link DIR bit, whoever opened the connection: every device that sent a fragment with
    /// <c>fromMaster</c> (DIR = 1) is a master in devices.json and its peer an outstation, and the reverse for DIR = 0.
    /// </summary>
    [Theory]
    [MemberData(nameof(Captures))]
    public void Devices_RolesFollowTheDirBit(string capture)
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicFolder("dnp3"), capture));
        var roles = DeviceRoles(run);
        foreach (var e in EventLog.Read(run.EventsPath).Where(e => e.GetProperty("protocol").GetString() == "dnp3"))
        {
            bool fromMaster = e.GetProperty("fromMaster").GetBoolean();
            string src = e.GetProperty("src").GetString()!, dst = e.GetProperty("dst").GetString()!;
            Assert.Contains(fromMaster ? "master" : "outstation", roles[src]);
            Assert.Contains(fromMaster ? "outstation" : "master", roles[dst]);
            Assert.Equal(fromMaster ? "request" : "response", e.GetProperty("direction").GetString());
        }
    }

    /// <summary>
    /// The capture where the outstation side opened the TCP connections: 192.168.1.100 connects from ports
    /// 10000, 10001... to 192.168.1.200:20000 and sends all 39 DNP3 link frames with DIR = 0 (checked with
    /// <c>tshark -T fields -e ip.src -e tcp.srcport -e dnp3.ctl.dir</c>; frame 1 is its SYN). By the transport it
    /// would be the master; by DIR it is the outstation, and 192.168.1.200, which never speaks DNP3, the master.
    /// </summary>
    [Fact]
    public void Analyze_OutstationOpenedTheConnection_MasterIsTheDirOneEnd()
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicFolder("dnp3"), "suricata-verify__dnp3-max-points_test.pcap"));
        var roles = DeviceRoles(run);
        Assert.Equal(["outstation"], roles["192.168.1.100"]);
        Assert.Equal(["master"], roles["192.168.1.200"]);
        var events = EventLog.Read(run.EventsPath).Where(e => e.GetProperty("protocol").GetString() == "dnp3").ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal(("192.168.1.100", 10000, "response"),
            (e.GetProperty("src").GetString(), e.GetProperty("srcPort").GetInt32(), e.GetProperty("direction").GetString())));
    }

    /// <summary>DNP3 roles per IP address, from devices.json.</summary>
    private static Dictionary<string, List<string>> DeviceRoles(AnalyzeRunner run)
    {
        using var devices = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.OutputDirectory, "devices.json")));
        var roles = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var device in devices.RootElement.EnumerateArray())
        {
            var dnp3 = device.GetProperty("protocols").EnumerateArray().Where(p => p.GetProperty("protocol").GetString() == "dnp3")
                .SelectMany(p => p.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)).ToList();
            foreach (var ip in device.GetProperty("ipAddresses").EnumerateArray()) roles[ip.GetString()!] = dnp3;
        }
        return roles;
    }

    [Theory]
    [InlineData("suricata-verify__dnp3-too-long-reassembly-response_input.pcap", "dnp3.too_long_reassembly")]
    [InlineData("ICS-Security-Tools__DNP3-ReadRequest.pcap", "dnp3.invalid_length")]
    public void Analyze_MalformedCapture_ReportsStreamAnomaly(string capture, string anomaly)
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicFolder("dnp3"), capture));
        Assert.Contains(anomaly, run.Summary.Anomalies.Keys);
    }

    private static HashSet<string> AddressPairs(string capturePath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(capturePath + ".tshark.json"));
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        if (doc.RootElement.GetProperty("details").TryGetProperty("dnp3", out var dnp3) && dnp3.TryGetProperty("dnp3.addr_pairs", out var addr))
            foreach (var pair in addr.EnumerateObject()) pairs.Add(pair.Name);
        return pairs;
    }
}
