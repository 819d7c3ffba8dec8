namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Recognition by whole-message BER parsing must not invent SNMP: in every public capture where tshark decodes no
/// SNMP, OtSensor reports no SNMP record and no SNMP anomaly.
/// </summary>
public sealed class NoFalseSnmpTests
{
    public static TheoryData<string> Captures() => NamingTruth.CapturesWithout("snmp");

    [Theory]
    [MemberData(nameof(Captures))]
    public void Analyze_CaptureWithoutSnmp_ReportsNoSnmp(string capture)
    {
        using var run = new AnalyzeRunner(Path.Combine(OtSensor.TestKit.SharedCaptures.PublicRoot!, capture));
        Assert.False(run.Summary.Pdus.TryGetValue("snmp", out long pdus), $"{capture}: {pdus} SNMP messages invented");
        Assert.DoesNotContain(run.Summary.Anomalies.Keys, k => k.StartsWith("snmp.", StringComparison.Ordinal));
    }
}
