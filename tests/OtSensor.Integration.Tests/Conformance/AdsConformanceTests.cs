using System.Text.Json;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// For every Beckhoff ADS capture in ../shared/pcaps/public/other, the engine's <c>ads</c> records with a command id
/// are compared with tshark's <c>ams.cmdid</c> histogram: identical in all ten captures. tshark 4.0 leaves the UDP
/// 48899 discovery/route datagrams as data; the engine records them with <c>function</c> null and
/// <c>discoveryService</c>, one per datagram: checked against tshark's udp/48899 frame count.
/// </summary>
public sealed class AdsConformanceTests
{
    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var path in SharedCaptures.Captures("other"))
            if (TsharkTruth.Load(path).Histogram("beckhoff_ads", "ams.cmdid").Count > 0) data.Add(Path.GetFileName(path));
        return data;
    }

    [Fact]
    public void Captures_AllTenAdsCapturesCompared() => Assert.Equal(10, Captures().Count);

    [Theory]
    [MemberData(nameof(Captures))]
    public void EventLog_MatchesTshark(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicFolder("other"), capture);
        using var run = new AnalyzeRunner(path);
        var events = EventLog.Read(run.EventsPath).Where(e => e.GetProperty("protocol").GetString() == "ads").ToList();
        var diffs = HistogramDiff.Compare("cmdid", TsharkTruth.Load(path).Histogram("beckhoff_ads", "ams.cmdid"), EventLog.Histogram(events, "ads", "function")).ToList();
        Assert.True(diffs.Count == 0, $"{capture}: [{string.Join("; ", diffs)}]");
        Assert.Equal(UdpFrames(path, 48899), events.Count(e => e.GetProperty("function").ValueKind == JsonValueKind.Null));
        Assert.DoesNotContain(events, e => e.GetProperty("anomalies").GetArrayLength() > 0);
    }

    [Fact]
    public void Analyze_DeviceInfoAndDiscovery_IdentityInInventory()
    {
        // ICS-Security-Tools beckoffaddroute: the CX at 192.168.1.8 answers discovery with host name CX_0D7560 and
        // Read Device Info with "PLC Server" 2.11.2103 (tshark: ads.devicename, ads.version.*).
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicFolder("other"), "ICS-Security-Tools__beckoffaddroute.pcapng"));
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.OutputDirectory, "devices.json")));
        var device = doc.RootElement.EnumerateArray().Single(d => d.GetProperty("ipAddresses")[0].GetString() == "192.168.1.8");
        Assert.Equal("Beckhoff", device.GetProperty("vendor").GetString());
        Assert.Equal("CX_0D7560", device.GetProperty("name").GetString());
        var firmware = device.GetProperty("firmware")[0];
        Assert.Equal(("PLC Server", "2.11.2103"), (firmware.GetProperty("model").GetString(), firmware.GetProperty("firmwareVersion").GetString()));
    }

    private static int UdpFrames(string path, int port)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path + ".tshark.json"));
        return doc.RootElement.GetProperty("service_ports").TryGetProperty($"udp/{port}", out var n) ? n.GetInt32() : 0;
    }
}
