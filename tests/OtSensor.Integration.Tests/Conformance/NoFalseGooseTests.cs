using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// GOOSE and Sampled Values are found by EtherType only: in every public capture where tshark sees no GOOSE (no public
/// capture has Sampled Values), OtSensor reports no GOOSE or SV record and no GOOSE/SV stream anomaly either.
/// </summary>
public sealed class NoFalseGooseTests
{
    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var family in Directory.GetDirectories(SharedCaptures.PublicRoot!).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (family is "goose") continue;
            foreach (var path in SharedCaptures.Captures(family!))
            {
                var truth = File.ReadAllText(path + ".tshark.json");
                if (!truth.Contains("\"goose\"", StringComparison.Ordinal) && !truth.Contains("\"sv\"", StringComparison.Ordinal))
                    data.Add($"{family}/{Path.GetFileName(path)}");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Analyze_CaptureWithoutGoose_ReportsNoGooseOrSv(string capture)
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicRoot!, capture));
        Assert.False(run.Summary.Pdus.TryGetValue("goose", out long goose), $"{capture}: {goose} GOOSE PDUs invented");
        Assert.False(run.Summary.Pdus.TryGetValue("sv", out long sv), $"{capture}: {sv} SV PDUs invented");
        Assert.DoesNotContain(run.Summary.Anomalies.Keys, k => k.StartsWith("goose.", StringComparison.Ordinal) || k.StartsWith("sv.", StringComparison.Ordinal));
    }
}
