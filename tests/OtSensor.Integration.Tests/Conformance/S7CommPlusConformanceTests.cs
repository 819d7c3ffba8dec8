using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Every S7comm-plus capture in ../shared/pcaps/public/s7commplus: the events.jsonl histogram of <c>function</c> is
/// compared with the truth's byte-level heuristic (tshark 4.0 has no S7comm-plus dissector), and the number of
/// S7comm-plus records with the number of COTP payloads starting with 0x72.
/// </summary>
public sealed class S7CommPlusConformanceTests
{
    private static readonly Dictionary<string, (HistogramDiff Diff, string Reason)[]> KnownDifferences = new(StringComparer.Ordinal)
    {
        ["ICS-Security-Tools__V13_1200_TP1200sim_MW100_Int_SPS_5s_MW102_Int_SPS_10s_MW102_ab_1000_Timer_sync.pcapng"] =
        [
            (new("function", 0x04F2, 10, 20), "The 10 frames with opcode 0x02 (Response2) are SetVariable responses with the function "
                + "code at the same offset as in 0x32 responses; the truth heuristic reads the function of 0x31/0x32 only."),
        ],
    };

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var path in SharedCaptures.Captures("s7commplus")) data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void EventLog_MatchesHeuristicTruth_OrDiffersOnlyAsExplained(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicFolder("s7commplus"), capture);
        var truth = TsharkTruth.Load(path);
        using var run = new AnalyzeRunner(path);
        var events = EventLog.Read(run.EventsPath).ToList();

        var diffs = HistogramDiff.Compare("function", truth.Histogram("s7commplus_heuristic", "s7commplus.function"), EventLog.Histogram(events, "s7commplus", "function")).ToList();
        var expected = KnownDifferences.TryGetValue(capture, out var known) ? known.Select(k => k.Diff).ToList() : [];
        Assert.True(expected.SequenceEqual(diffs), $"{capture}: expected differences [{string.Join("; ", expected)}] but found [{string.Join("; ", diffs)}]");

        int truthFrames = truth.Histogram("s7commplus_heuristic", "s7commplus.version").Values.Sum();
        Assert.Equal(truthFrames, EventLog.Histogram(events, "s7commplus", "version").Values.Sum());
    }

    [Fact]
    public void EventLog_V3Capture_MarkedIntegrityProtected()
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicFolder("s7commplus"), "icsnpp-s7comm__s7comm_plus.pcap"));
        var events = EventLog.Read(run.EventsPath).Where(e => e.GetProperty("protocol").GetString() == "s7commplus").ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.True(e.GetProperty("integrityProtected").GetBoolean()));
    }
}
