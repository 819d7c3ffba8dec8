using System.Text.Json;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Recognition by content must not invent DNP3: in every public capture where tshark sees no DNP3 (Modbus, S7,
/// ENIP, BACnet, IEC 104, ...), OtSensor reports no DNP3 fragment and no DNP3 anomaly either.
/// </summary>
public sealed class NoFalseDnp3Tests
{
    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var family in Directory.GetDirectories(SharedCaptures.PublicRoot!).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (family == "dnp3") continue;
            foreach (var path in SharedCaptures.Captures(family!))
                if (!TsharkSeesDnp3(path)) data.Add($"{family}/{Path.GetFileName(path)}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Analyze_CaptureWithoutDnp3_ReportsNoDnp3(string capture)
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicRoot!, capture));
        Assert.False(run.Summary.Pdus.TryGetValue("dnp3", out long pdus), $"{capture}: {pdus} DNP3 fragments invented");
        Assert.DoesNotContain(run.Summary.Anomalies.Keys, k => k.StartsWith("dnp3.", StringComparison.Ordinal));
    }

    private static bool TsharkSeesDnp3(string capturePath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(capturePath + ".tshark.json"));
        return doc.RootElement.TryGetProperty("ics_protocols", out var ics) && ics.ValueKind == JsonValueKind.Object && ics.TryGetProperty("dnp3", out _);
    }
}
