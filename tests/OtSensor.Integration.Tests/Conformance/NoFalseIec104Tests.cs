using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Recognition by content must not invent IEC 104: in every public capture where tshark decodes no IEC 104 APDU
/// (DNP3, S7, ENIP, BACnet, MELSOFT, HART-IP, ...), OtSensor reports no IEC 104 APDU or stream anomaly either.
/// </summary>
public sealed class NoFalseIec104Tests
{
    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var family in Directory.GetDirectories(SharedCaptures.PublicRoot!).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (family == "iec104") continue;
            foreach (var path in SharedCaptures.Captures(family!))
                if (TsharkTruth.Load(path).Histogram("iec104", "iec60870_104.type").Count == 0)
                    data.Add($"{family}/{Path.GetFileName(path)}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Analyze_CaptureWithoutIec104_ReportsNoIec104(string capture)
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicRoot!, capture));
        Assert.False(run.Summary.Pdus.TryGetValue("iec104", out long pdus), $"{capture}: {pdus} IEC 104 APDUs invented");
        Assert.DoesNotContain(run.Summary.Anomalies.Keys, k => k.StartsWith("iec104.", StringComparison.Ordinal));
    }
}
