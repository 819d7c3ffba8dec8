namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// LLDP is found by EtherType and CDP by LLC SNAP OUI/PID: in every public capture where tshark decodes neither,
/// OtSensor reports no LLDP or CDP record and no anomaly of either.
/// </summary>
public sealed class NoFalseLldpCdpTests
{
    public static TheoryData<string> Captures() => NamingTruth.CapturesWithout("lldp", "cdp");

    [Theory]
    [MemberData(nameof(Captures))]
    public void Analyze_CaptureWithoutLldpOrCdp_ReportsNone(string capture)
    {
        using var run = new AnalyzeRunner(Path.Combine(OtSensor.TestKit.SharedCaptures.PublicRoot!, capture));
        foreach (var protocol in new[] { "lldp", "cdp" })
        {
            Assert.False(run.Summary.Pdus.TryGetValue(protocol, out long pdus), $"{capture}: {pdus} {protocol} records invented");
            Assert.DoesNotContain(run.Summary.Anomalies.Keys, k => k.StartsWith(protocol + ".", StringComparison.Ordinal));
        }
    }
}
