using System.Text.Json;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// For every synchrophasor capture in ../shared/pcaps/public/other, the engine's <c>c37118</c> records are compared
/// with tshark's truth: frame types (<c>synphasor.frtype</c>, our <c>function</c>), command words
/// (<c>synphasor.command</c>, our <c>command</c>) and the stream IDCODEs (<c>synphasor.idcode</c>): identical, or
/// differing exactly as listed with the reason. No frame in these captures fails its CHK.
/// </summary>
public sealed class C37118ConformanceTests
{
    private const string EmptyHeaderReason = "Frame 6 is a 16-byte header frame (no header text) answering command 3 "
        + "'send HDR', with a correct CHK; tshark 4.0 does not dissect a frame with nothing after FRACSEC.";

    private const string CleanReason = "Frame 13 is a foreign data frame (SOC 2017-07-18, another stream) at seq 1036, "
        + "overlapping the retransmission in frame 15 (seq 1035) and the first byte of frame 17. The reassembler keeps "
        + "first-seen bytes, so the stream holds frame 13's frame (recorded when frame 15 fills the hole) and frame 17's "
        + "frame loses its SYNC (one 'resync' stream anomaly); tshark dissects each segment alone and counts 13 and 17. "
        + "Frame 3891 (and its retransmission 3893) follows the RST of frame 3890: the engine aborts the connection at "
        + "the RST (RFC 9293 §3.10.7) and decodes nothing after it.";

    private static readonly Dictionary<string, (HistogramDiff Diff, string Reason)[]> KnownDifferences = new(StringComparer.Ordinal)
    {
        ["icsnpp-synchrophasor__c37_1100_clean_tcp.pcap"] = [(new("frameType", 1, 0, 1), EmptyHeaderReason)],
        ["icsnpp-synchrophasor__c37_pmu_clean.pcap"] = [(new("frameType", 0, 4704, 4702), CleanReason)],
        ["icsnpp-synchrophasor__c37_pmu_unclean.pcap"] = [(new("frameType", 0, 4704, 4702), CleanReason + " Same TCP stream as c37_pmu_clean.")],
    };

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var path in SharedCaptures.Captures("other"))
            if (TsharkTruth.Load(path).Histogram("c37_118", "synphasor.frtype").Count > 0) data.Add(Path.GetFileName(path));
        return data;
    }

    [Fact]
    public void Captures_AllTenSynchrophasorCapturesCompared() => Assert.Equal(10, Captures().Count);

    [Theory]
    [MemberData(nameof(Captures))]
    public void EventLog_MatchesTshark_OrDiffersOnlyAsExplained(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicFolder("other"), capture);
        var truth = TsharkTruth.Load(path);
        using var run = new AnalyzeRunner(path);
        var events = EventLog.Read(run.EventsPath).Where(e => e.GetProperty("protocol").GetString() == "c37118").ToList();

        var diffs = HistogramDiff.Compare("frameType", truth.Histogram("c37_118", "synphasor.frtype"), EventLog.Histogram(events, "c37118", "function"))
            .Concat(HistogramDiff.Compare("command", truth.Histogram("c37_118", "synphasor.command"), EventLog.Histogram(events, "c37118", "command")))
            .ToList();
        var expected = KnownDifferences.TryGetValue(capture, out var known) ? known.Select(k => k.Diff).ToList() : [];
        Assert.True(expected.SequenceEqual(diffs),
            $"{capture}: expected differences [{string.Join("; ", expected)}] but found [{string.Join("; ", diffs)}]");

        Assert.Equal(TruthIdCodes(path), events.Select(e => e.GetProperty("idcode").GetInt32()).Distinct().Order());
        Assert.DoesNotContain(events, e => e.GetProperty("anomalies").GetArrayLength() > 0);
    }

    [Fact]
    public void Analyze_Config2_StationNameIsDeviceName()
    {
        // C37.118_1PMU_TCP.pcap: PMU 241 sends CFG-2 with STN "Blue PMU" (tshark: Station #1).
        var path = Path.Combine(SharedCaptures.PublicFolder("other"), "icsnpp-synchrophasor__C37.118_1PMU_TCP.pcap");
        using var run = new AnalyzeRunner(path);
        var config = EventLog.Read(run.EventsPath).Single(e => e.GetProperty("protocol").GetString() == "c37118" && e.GetProperty("function").GetInt32() == 3);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.OutputDirectory, "devices.json")));
        var device = doc.RootElement.EnumerateArray().Single(d => d.GetProperty("ipAddresses")[0].GetString() == config.GetProperty("src").GetString());
        Assert.Equal("Blue PMU", device.GetProperty("name").GetString());
        Assert.Equal("Blue PMU", config.GetProperty("station").GetString());
    }

    private static IEnumerable<int> TruthIdCodes(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path + ".tshark.json"));
        return doc.RootElement.GetProperty("details").GetProperty("c37_118").GetProperty("synphasor.idcode").EnumerateArray().Select(x => x.GetInt32()).Order().ToList();
    }
}
