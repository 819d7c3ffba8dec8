namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Recognition by the first hello record must not invent TLS: in every public capture where tshark decodes no TLS,
/// OtSensor reports no TLS record and no TLS anomaly.
/// </summary>
public sealed class NoFalseTlsTests
{
    public static TheoryData<string> Captures() => NamingTruth.CapturesWithout("tls");

    [Theory]
    [MemberData(nameof(Captures))]
    public void Analyze_CaptureWithoutTls_ReportsNoTls(string capture)
    {
        using var run = new AnalyzeRunner(Path.Combine(OtSensor.TestKit.SharedCaptures.PublicRoot!, capture));
        Assert.False(run.Summary.Pdus.TryGetValue("tls", out long pdus), $"{capture}: {pdus} TLS messages invented");
        Assert.DoesNotContain(run.Summary.Anomalies.Keys, k => k.StartsWith("tls.", StringComparison.Ordinal));
    }
}
