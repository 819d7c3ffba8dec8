using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// The EtherCAT-over-UDP probe runs on every new UDP flow: in every public capture where tshark decodes no EtherCAT
/// datagram, OtSensor reports no EtherCAT record or anomaly either.
/// </summary>
public sealed class NoFalseEtherCatTests
{
    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var family in Directory.GetDirectories(SharedCaptures.PublicRoot!).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (family == "ethercat") continue;
            foreach (var path in SharedCaptures.Captures(family!))
                if (TsharkTruth.Load(path).Histogram("ethercat", "ecat.cmd").Count == 0)
                    data.Add($"{family}/{Path.GetFileName(path)}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Analyze_CaptureWithoutEtherCat_ReportsNoEtherCat(string capture)
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicRoot!, capture));
        Assert.False(run.Summary.Pdus.TryGetValue("ethercat", out long pdus), $"{capture}: {pdus} EtherCAT datagrams invented");
        Assert.DoesNotContain(run.Summary.Anomalies.Keys, k => k.StartsWith("ethercat.", StringComparison.Ordinal));
    }
}
