using System.Text.Json;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Recognition by content must not invent OPC UA: in every public capture where tshark decodes no opc.tcp message
/// (Modbus, DNP3, S7, ENIP, BACnet, IEC 104, MMS, ...), OtSensor reports no OPC UA message or stream anomaly either.
/// </summary>
public sealed class NoFalseOpcUaTests
{
    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var family in Directory.GetDirectories(SharedCaptures.PublicRoot!).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (family == "opcua") continue;
            foreach (var path in SharedCaptures.Captures(family!))
                if (!TsharkSawOpcUa(path)) data.Add($"{family}/{Path.GetFileName(path)}");
        }
        return data;
    }

    /// <summary>True when tshark decoded any opc.tcp message (HEL/ACK alone included) in the capture.</summary>
    private static bool TsharkSawOpcUa(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path + ".tshark.json"));
        return doc.RootElement.TryGetProperty("details", out var details) && details.TryGetProperty("opcua", out var opcua)
            && opcua.TryGetProperty("opcua.transport.type", out var types) && types.EnumerateObject().Any();
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Analyze_CaptureWithoutOpcUa_ReportsNoOpcUa(string capture)
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicRoot!, capture));
        Assert.False(run.Summary.Pdus.TryGetValue("opcua", out long pdus), $"{capture}: {pdus} OPC UA messages invented");
        Assert.DoesNotContain(run.Summary.Anomalies.Keys, k => k.StartsWith("opcua.", StringComparison.Ordinal));
    }
}
