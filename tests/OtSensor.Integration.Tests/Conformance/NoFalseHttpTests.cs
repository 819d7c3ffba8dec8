namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Recognition by start line must not invent HTTP: in every public capture where tshark decodes no HTTP, OtSensor
/// reports no HTTP record and no HTTP anomaly.
/// </summary>
public sealed class NoFalseHttpTests
{
    public static TheoryData<string> Captures() => NamingTruth.CapturesWithout("http");

    [Theory]
    [MemberData(nameof(Captures))]
    public void Analyze_CaptureWithoutHttp_ReportsNoHttp(string capture)
    {
        using var run = new AnalyzeRunner(Path.Combine(OtSensor.TestKit.SharedCaptures.PublicRoot!, capture));
        Assert.False(run.Summary.Pdus.TryGetValue("http", out long pdus), $"{capture}: {pdus} HTTP messages invented");
        Assert.DoesNotContain(run.Summary.Anomalies.Keys, k => k.StartsWith("http.", StringComparison.Ordinal));
    }
}
