using System.Text.Json;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Recognition by content must not invent PROFINET: in every public capture where tshark sees no PROFINET
/// (Modbus, DNP3, S7, ENIP, IEC 104, BACnet, ...), OtSensor reports no <c>profinet-dcp</c> or <c>profinet-io</c>
/// record and no PROFINET anomaly. PNIO-CM is recognised on any UDP port, so this guards its probe.
/// </summary>
public sealed class NoFalseProfinetTests
{
    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var family in Directory.GetDirectories(SharedCaptures.PublicRoot!).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (family == "profinet") continue;
            foreach (var path in SharedCaptures.Captures(family!))
                if (!TsharkSeesProfinet(path)) data.Add($"{family}/{Path.GetFileName(path)}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Analyze_CaptureWithoutProfinet_ReportsNoProfinet(string capture)
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicRoot!, capture));
        Assert.False(run.Summary.Pdus.TryGetValue("profinet-dcp", out long dcp), $"{capture}: {dcp} DCP records invented");
        Assert.False(run.Summary.Pdus.TryGetValue("profinet-io", out long io), $"{capture}: {io} PNIO records invented");
        Assert.DoesNotContain(run.Summary.Anomalies.Keys, k => k.StartsWith("profinet", StringComparison.Ordinal));
    }

    private static bool TsharkSeesProfinet(string capturePath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(capturePath + ".tshark.json"));
        return doc.RootElement.TryGetProperty("ics_protocols", out var ics) && ics.ValueKind == JsonValueKind.Object && ics.TryGetProperty("profinet", out _);
    }
}
