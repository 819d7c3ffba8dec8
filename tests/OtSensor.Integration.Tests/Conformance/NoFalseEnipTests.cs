using System.Text.Json;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Recognition by content must not invent ENIP/CIP: in every public capture where tshark sees no ENIP/CIP (Modbus, S7,
/// DNP3, BACnet, IEC 104, ...), OtSensor reports no ENIP packet or CIP message and no ENIP/CIP anomaly either.
/// </summary>
public sealed class NoFalseEnipTests
{
    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var family in Directory.GetDirectories(SharedCaptures.PublicRoot!).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (family == "enip-cip") continue;
            foreach (var path in SharedCaptures.Captures(family!))
                if (!TsharkSeesEnip(path)) data.Add($"{family}/{Path.GetFileName(path)}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Analyze_CaptureWithoutEnip_ReportsNoEnip(string capture)
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicRoot!, capture));
        Assert.False(run.Summary.Pdus.TryGetValue("enip", out long pdus), $"{capture}: {pdus} ENIP packets invented");
        Assert.False(run.Summary.Pdus.TryGetValue("cip", out long cip), $"{capture}: {cip} CIP messages invented");
        Assert.DoesNotContain(run.Summary.Anomalies.Keys, k => k.StartsWith("enip.", StringComparison.Ordinal) || k.StartsWith("cip.", StringComparison.Ordinal));
    }

    private static bool TsharkSeesEnip(string capturePath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(capturePath + ".tshark.json"));
        return doc.RootElement.TryGetProperty("ics_protocols", out var ics) && ics.ValueKind == JsonValueKind.Object && (ics.TryGetProperty("enip-cip", out _) || ics.TryGetProperty("enip", out _) || ics.TryGetProperty("cip", out _));
    }
}
