using System.Text.Json;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// For every HART-IP capture in ../shared/pcaps/public/other, the engine's <c>hart-ip</c> records are compared with
/// tshark's truth: message ids (<c>hart_ip.message_id</c>, our <c>function</c>), message types
/// (<c>hart_ip.message_type</c>) and the HART command of token-passing PDUs (<c>hart_ip.pt.command</c>, our
/// <c>command</c> of records with function 3): identical, or differing exactly as listed with the reason.
/// </summary>
public sealed class HartIpConformanceTests
{
    private const string IcmpReason = "Frame 27 is an ICMP port-unreachable quoting the Session Close response of frame 26: "
        + "tshark decodes the quoted UDP payload again, the engine does not decode ICMP payloads.";

    private const string V2Reason = "Message ids 4 (Direct PDU) and 5 (Read Audit Log) are HART-IP version 2 messages "
        + "(the FieldComm Group reference server handles both); tshark 4.0's dissector knows ids 0-3 only and leaves "
        + "these frames as TCP data.";

    private static readonly Dictionary<string, (HistogramDiff Diff, string Reason)[]> KnownDifferences = new(StringComparer.Ordinal)
    {
        ["icsnpp-hart-ip__hart-ip.pcap"] = [(new("messageId", 1, 5, 4), IcmpReason), (new("messageType", 1, 25, 24), IcmpReason)],
        ["icsnpp-hart-ip__hart-ip_all_messageIDs.pcapng"] =
        [
            (new("messageId", 4, 0, 2), V2Reason + " Frames 12/13: Direct PDU with command 54."),
            (new("messageId", 5, 0, 2), V2Reason + " Frames 14/15: Read Audit Log."),
            (new("messageType", 0, 4, 6), V2Reason),
            (new("messageType", 1, 4, 6), V2Reason),
        ],
        ["icsnpp-hart-ip__hart-ip_publish_and_keepAlive.pcapng"] =
        [
            (new("messageId", 5, 0, 2), V2Reason + " Frames 107/109: Read Audit Log."),
            (new("messageType", 0, 1286, 1287), V2Reason),
            (new("messageType", 1, 1284, 1285), V2Reason),
        ],
    };

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var path in SharedCaptures.Captures("other"))
            if (TsharkTruth.Load(path).Histogram("hart_ip", "hart_ip.message_id").Count > 0) data.Add(Path.GetFileName(path));
        return data;
    }

    [Fact]
    public void Captures_AllFourHartIpCapturesCompared() => Assert.Equal(4, Captures().Count);

    [Theory]
    [MemberData(nameof(Captures))]
    public void EventLog_MatchesTshark_OrDiffersOnlyAsExplained(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicFolder("other"), capture);
        var truth = TsharkTruth.Load(path);
        using var run = new AnalyzeRunner(path);
        var events = EventLog.Read(run.EventsPath).Where(e => e.GetProperty("protocol").GetString() == "hart-ip").ToList();
        var tokenPassing = events.Where(e => e.GetProperty("function").GetInt32() == 3).ToList();

        var diffs = HistogramDiff.Compare("messageId", truth.Histogram("hart_ip", "hart_ip.message_id"), EventLog.Histogram(events, "hart-ip", "function"))
            .Concat(HistogramDiff.Compare("messageType", truth.Histogram("hart_ip", "hart_ip.message_type"), EventLog.Histogram(events, "hart-ip", "messageType")))
            .Concat(HistogramDiff.Compare("command", truth.Histogram("hart_ip", "hart_ip.pt.command"), EventLog.Histogram(tokenPassing, "hart-ip", "command")))
            .ToList();
        var expected = KnownDifferences.TryGetValue(capture, out var known) ? known.Select(k => k.Diff).ToList() : [];
        Assert.True(expected.SequenceEqual(diffs),
            $"{capture}: expected differences [{string.Join("; ", expected)}] but found [{string.Join("; ", diffs)}]");

        // One anomaly in all four captures: publish_and_keepAlive frame 105, a command 31 response whose check byte
        // is 0x00 where the XOR of the frame is not (tshark does not verify the HART check byte).
        var anomalous = events.Where(e => e.GetProperty("anomalies").GetArrayLength() > 0).Select(e => e.GetProperty("frame").GetInt64()).ToList();
        Assert.Equal(capture == "icsnpp-hart-ip__hart-ip_publish_and_keepAlive.pcapng" ? [105L] : [], anomalous);
    }

    [Fact]
    public void Analyze_Command0AndLongTag_IdentityInInventory()
    {
        // nDPI hart_ip.pcap: the gateway 192.168.0.10 answers command 0 (tshark: expanded device type 0x264e,
        // manufacturer 0x26, device id 0x0000d2, revisions 7/4/1) and command 20 (long tag "wihartgw").
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicFolder("other"), "nDPI__hart_ip.pcap"));
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.OutputDirectory, "devices.json")));
        var device = doc.RootElement.EnumerateArray().Single(d => d.GetProperty("ipAddresses")[0].GetString() == "192.168.0.10");
        Assert.Equal("wihartgw", device.GetProperty("name").GetString());
        Assert.Equal("0x0026", device.GetProperty("vendor").GetString());
        var firmware = device.GetProperty("firmware")[0];
        Assert.Equal("0x264E", firmware.GetProperty("model").GetString());
        Assert.Equal("0x0000D2", firmware.GetProperty("serial").GetString());
        Assert.Equal("dev 4 sw 1 hw 1", firmware.GetProperty("firmwareVersion").GetString());
    }
}
