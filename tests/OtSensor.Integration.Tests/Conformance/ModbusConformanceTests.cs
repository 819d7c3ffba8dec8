using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Must show #2 of the replay-engine issue: for every Modbus capture in ../shared/pcaps/public/modbus, the
/// events.jsonl written by the engine is compared with tshark's ground truth: function codes, unit ids and
/// exception codes. They must be identical, or differ exactly as listed in <see cref="KnownDifferences"/>,
/// each with its reason.
/// </summary>
public sealed class ModbusConformanceTests
{
    /// <summary>Differences between tshark 4.0.17 and OtSensor, per capture, each explained.</summary>
    private static readonly Dictionary<string, (HistogramDiff Diff, string Reason)[]> KnownDifferences = new(StringComparer.Ordinal)
    {
        ["ICS-Security-Tools__modbus_test_data_part1.pcap"] =
        [
            (new("function", 42, 1, 2), "Frame 113 carries the 14-byte ADU of frame 111 again (unknown function 42) at new sequence numbers 115–128: "
                + "it is new stream data, so it is decoded (flagged unsolicited_response); tshark 4.0 leaves it undissected as bare TCP."),
            (new("unitId", 10, 45, 46), "The same frame 113."),
        ],
        ["zeek__modbusBig.pcap"] =
        [
            (new("function", 1, 2774, 2775), "Frame 3150 is the only copy of a Read Coils response (seq 7085, 10 bytes) whose ACK (frame 3149) was captured "
                + "before it; tshark calls it a spurious retransmission and skips it, we decode it once because its bytes were never seen."),
            (new("unitId", 255, 5548, 5549), "The same frame 3150."),
        ],
    };

    /// <summary>The bundled demo capture, checked against its committed tshark truth as well.</summary>
    private const string DemoCapture = "pcaps/demo/modbus-plant.pcap";

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var path in SharedCaptures.Captures("modbus")) data.Add(Path.GetFileName(path));
        data.Add(DemoCapture);
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void EventLog_MatchesTshark_OrDiffersOnlyAsExplained(string capture)
    {
        var path = capture == DemoCapture ? RepoPaths.DemoCapture : Path.Combine(SharedCaptures.PublicFolder("modbus"), capture);
        var truth = TsharkTruth.Load(path);
        using var run = new AnalyzeRunner(path);
        var events = EventLog.Read(run.EventsPath).ToList();

        var diffs = HistogramDiff.Compare("function", truth.Histogram("modbus", "modbus.func_code"), EventLog.Histogram(events, "modbus", "function"))
            .Concat(HistogramDiff.Compare("unitId", truth.Histogram("modbus", "mbtcp.unit_id"), EventLog.Histogram(events, "modbus", "unitId")))
            .Concat(HistogramDiff.Compare("exception", truth.Histogram("modbus", "modbus.exception_code"), EventLog.Histogram(events, "modbus", "exception")))
            .ToList();

        var expected = KnownDifferences.TryGetValue(capture, out var known) ? known.Select(k => k.Diff).ToList() : [];
        Assert.True(expected.SequenceEqual(diffs),
            $"{capture}: expected differences [{string.Join("; ", expected)}] but found [{string.Join("; ", diffs)}]");
    }
}
