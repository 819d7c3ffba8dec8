using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Recognition by content must not invent Modbus: in every public capture where tshark decodes no Modbus
/// (DNP3, S7, ENIP, BACnet, MELSOFT, HART-IP, ...), OtSensor reports no Modbus PDU either.
/// </summary>
public sealed class NoFalseModbusTests
{
    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var family in Directory.GetDirectories(SharedCaptures.PublicRoot!).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (family == "modbus") continue;
            foreach (var path in SharedCaptures.Captures(family!))
                if (TsharkTruth.Load(path).Histogram("modbus", "modbus.func_code").Count == 0)
                    data.Add($"{family}/{Path.GetFileName(path)}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Analyze_CaptureWithoutModbus_ReportsNoModbus(string capture)
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicRoot!, capture));
        Assert.False(run.Summary.Pdus.TryGetValue("modbus", out long pdus), $"{capture}: {pdus} Modbus PDUs invented");
        Assert.DoesNotContain(run.Summary.Anomalies.Keys, k => k.StartsWith("modbus.", StringComparison.Ordinal));
    }
}
