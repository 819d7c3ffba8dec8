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
    };

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var path in SharedCaptures.Captures("modbus")) data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void EventLog_MatchesTshark_OrDiffersOnlyAsExplained(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicFolder("modbus"), capture);
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
