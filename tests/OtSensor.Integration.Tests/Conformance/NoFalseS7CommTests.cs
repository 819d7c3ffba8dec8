using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Recognition by content must not invent S7comm or S7comm-plus: in every public capture where tshark (and the
/// S7comm-plus heuristic) sees none of them, OtSensor reports none either.
/// </summary>
public sealed class NoFalseS7CommTests
{
    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var family in Directory.GetDirectories(SharedCaptures.PublicRoot!).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (family is "s7comm" or "s7commplus") continue;
            foreach (var path in SharedCaptures.Captures(family!))
            {
                var truth = TsharkTruth.Load(path);
                if (truth.Histogram("s7comm", "s7comm.header.rosctr").Count == 0 && truth.Histogram("s7commplus_heuristic", "s7commplus.version").Count == 0)
                    data.Add($"{family}/{Path.GetFileName(path)}");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Analyze_CaptureWithoutS7_ReportsNoS7(string capture)
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicRoot!, capture));
        Assert.False(run.Summary.Pdus.TryGetValue("s7comm", out long s7), $"{capture}: {s7} S7comm PDUs invented");
        Assert.False(run.Summary.Pdus.TryGetValue("s7commplus", out long plus), $"{capture}: {plus} S7comm-plus PDUs invented");
    }
}
