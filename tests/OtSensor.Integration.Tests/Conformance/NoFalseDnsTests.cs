namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Recognition by whole-message parsing must not invent DNS, mDNS or LLMNR: in every public capture where tshark
/// decodes none of them, OtSensor reports no record and no anomaly of the three.
/// </summary>
public sealed class NoFalseDnsTests
{
    public static TheoryData<string> Captures() => NamingTruth.CapturesWithout("dns", "mdns", "llmnr");

    [Theory]
    [MemberData(nameof(Captures))]
    public void Analyze_CaptureWithoutDns_ReportsNoDns(string capture)
    {
        using var run = new AnalyzeRunner(Path.Combine(OtSensor.TestKit.SharedCaptures.PublicRoot!, capture));
        foreach (var protocol in new[] { "dns", "mdns", "llmnr" })
        {
            Assert.False(run.Summary.Pdus.TryGetValue(protocol, out long pdus), $"{capture}: {pdus} {protocol} messages invented");
            Assert.DoesNotContain(run.Summary.Anomalies.Keys, k => k.StartsWith(protocol + ".", StringComparison.Ordinal));
        }
    }
}
