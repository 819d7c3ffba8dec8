using System.Text.Json;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Omron FINS against tshark's truth (<c>omron.command</c>, our <c>function</c>) in the one public capture that holds
/// it (ICS-Security-Tools omron_test.pcap: Controller Data Read over FINS/TCP frames 8–9 and FINS/UDP frames 17–18):
/// identical. The FINS/TCP node address exchange (frames 6–7) is recorded with <c>function</c> null and
/// <c>tcpCommand</c> 0/1; tshark counts no <c>omron.command</c> for it either.
/// </summary>
public sealed class FinsConformanceTests
{
    private const string Capture = "ICS-Security-Tools__omron_test.pcap";

    [Fact]
    public void EventLog_MatchesTshark_AndStatesTheController()
    {
        var path = Path.Combine(SharedCaptures.PublicFolder("other"), Capture);
        using var run = new AnalyzeRunner(path);
        var events = EventLog.Read(run.EventsPath).Where(e => e.GetProperty("protocol").GetString() == "fins").ToList();
        var diffs = HistogramDiff.Compare("command", TsharkTruth.Load(path).Histogram("omron_fins", "omron.command"), EventLog.Histogram(events, "fins", "function")).ToList();
        Assert.True(diffs.Count == 0, string.Join("; ", diffs));
        Assert.Equal([0, 1], events.Where(e => e.GetProperty("function").ValueKind == JsonValueKind.Null).Select(e => e.GetProperty("tcpCommand").GetInt32()));
        Assert.DoesNotContain(events, e => e.GetProperty("anomalies").GetArrayLength() > 0);

        // tshark -V frame 9: "Controller model: CP1L-EL20DR-D", "Controller version: 01.00".
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.OutputDirectory, "devices.json")));
        var device = doc.RootElement.EnumerateArray().Single(d => d.GetProperty("ipAddresses")[0].GetString() == "10.1.1.164");
        Assert.Equal("Omron", device.GetProperty("vendor").GetString());
        var firmware = device.GetProperty("firmware")[0];
        Assert.Equal(("CP1L-EL20DR-D", "01.00"), (firmware.GetProperty("model").GetString(), firmware.GetProperty("firmwareVersion").GetString()));
    }
}
