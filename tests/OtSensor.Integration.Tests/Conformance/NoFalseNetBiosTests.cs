namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Recognition by encoded names must not invent NetBIOS: in every public capture where tshark decodes neither the
/// name nor the datagram service, OtSensor reports no NetBIOS record and no NetBIOS anomaly.
/// </summary>
public sealed class NoFalseNetBiosTests
{
    public static TheoryData<string> Captures() => NamingTruth.CapturesWithout("nbns", "nbdgm");

    [Theory]
    [MemberData(nameof(Captures))]
    public void Analyze_CaptureWithoutNetBios_ReportsNoNetBios(string capture)
    {
        using var run = new AnalyzeRunner(Path.Combine(OtSensor.TestKit.SharedCaptures.PublicRoot!, capture));
        Assert.False(run.Summary.Pdus.TryGetValue("netbios", out long pdus), $"{capture}: {pdus} NetBIOS messages invented");
        Assert.DoesNotContain(run.Summary.Anomalies.Keys, k => k.StartsWith("netbios.", StringComparison.Ordinal));
    }
}
