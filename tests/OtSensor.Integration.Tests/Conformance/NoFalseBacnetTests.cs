using System.Text.Json;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Recognition by content must not invent BACnet: in every public capture where tshark sees no BACnet (Modbus,
/// DNP3, S7, ENIP, IEC 104, OPC UA, ...), OtSensor reports no BACnet record and no BACnet anomaly either.
/// </summary>
public sealed class NoFalseBacnetTests
{
    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var family in Directory.GetDirectories(SharedCaptures.PublicRoot!).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (family == "bacnet") continue;
            foreach (var path in SharedCaptures.Captures(family!))
                if (!TsharkSeesBacnet(path)) data.Add($"{family}/{Path.GetFileName(path)}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Analyze_CaptureWithoutBacnet_ReportsNoBacnet(string capture)
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicRoot!, capture));
        Assert.False(run.Summary.Pdus.TryGetValue("bacnet", out long pdus), $"{capture}: {pdus} BACnet records invented");
        Assert.DoesNotContain(run.Summary.Anomalies.Keys, k => k.StartsWith("bacnet.", StringComparison.Ordinal));
    }

    private static bool TsharkSeesBacnet(string capturePath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(capturePath + ".tshark.json"));
        return doc.RootElement.TryGetProperty("ics_protocols", out var ics) && ics.ValueKind == JsonValueKind.Object && ics.TryGetProperty("bacnet", out _);
    }
}
