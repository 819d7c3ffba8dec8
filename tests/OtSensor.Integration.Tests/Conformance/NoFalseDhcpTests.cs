namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Recognition by the magic cookie must not invent DHCP: in every public capture where tshark decodes no DHCP,
/// OtSensor reports no DHCP record and no DHCP anomaly either.
/// </summary>
public sealed class NoFalseDhcpTests
{
    public static TheoryData<string> Captures() => NamingTruth.CapturesWithout("dhcp");

    [Theory]
    [MemberData(nameof(Captures))]
    public void Analyze_CaptureWithoutDhcp_ReportsNoDhcp(string capture)
    {
        using var run = new AnalyzeRunner(Path.Combine(OtSensor.TestKit.SharedCaptures.PublicRoot!, capture));
        Assert.False(run.Summary.Pdus.TryGetValue("dhcp", out long pdus), $"{capture}: {pdus} DHCP messages invented");
        Assert.DoesNotContain(run.Summary.Anomalies.Keys, k => k.StartsWith("dhcp.", StringComparison.Ordinal));
    }
}
