using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// For every capture in ../shared/pcaps/public/enip-cip, the events.jsonl written by the engine is compared with
/// tshark's ground truth: encapsulation commands (<c>enip.command</c>), CIP service codes of every request and reply,
/// embedded ones included (<c>cip.sc</c>), and reply general statuses (<c>cip.genstat</c>) must be identical or differ
/// exactly as listed in <see cref="KnownDifferences"/>. Class-1 I/O datagrams (UDP 2222) have no command: tshark counts
/// them as ENIP PDUs only (<c>ics_protocols.enip-cip.pdus</c>), and so do we (an <c>enip</c> record, function null).
/// </summary>
public sealed class EnipConformanceTests
{
    private const string Family = "enip-cip";
    private const string Details = "enip_cip";

    /// <summary>Differences between tshark 4.0.17 and OtSensor, per capture, each explained.</summary>
    private static readonly Dictionary<string, (HistogramDiff Diff, string Reason)[]> KnownDifferences = new(StringComparer.Ordinal)
    {
        ["ICS-Security-Tools__EIP-IPAddressChangeAttempt.pcap"] =
        [
            (new("enip", 1, 2, 1), "Frame 3600 opens its TCP stream with command 0x0001, which Vol. 2 Table 2-3.2 does not define; "
                + "recognition by content accepts defined commands only, so the stream is recognised from frame 3601 (ListServices). "
                + "The reply to it (frame 3604) is framed and recorded: in sync, any command is framed by its length."),
        ],
    };

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var path in SharedCaptures.Captures(Family)) data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void EventLog_MatchesTshark_OrDiffersOnlyAsExplained(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicFolder(Family), capture);
        var truth = TsharkTruth.Load(path);
        using var run = new AnalyzeRunner(path);
        var events = EventLog.Read(run.EventsPath).ToList();

        var diffs = HistogramDiff.Compare("enip", truth.Histogram(Details, "enip.command"), EventLog.Histogram(events, "enip", "function"))
            .Concat(HistogramDiff.Compare("cip", truth.Histogram(Details, "cip.sc"), EventLog.Histogram(events, "cip", "function")))
            .Concat(HistogramDiff.Compare("genstat", truth.Histogram(Details, "cip.genstat"), EventLog.Histogram(events, "cip", "generalStatus")))
            .ToList();
        var expected = KnownDifferences.TryGetValue(capture, out var known) ? known.Select(k => k.Diff).ToList() : [];
        Assert.True(expected.SequenceEqual(diffs),
            $"{capture}: expected differences [{string.Join("; ", expected)}] but found [{string.Join("; ", diffs)}]");

        // Every class a request names is one tshark saw, at most as often (tshark also counts replies, by pairing).
        var truthClasses = truth.Histogram(Details, "cip.class");
        foreach (var (cipClass, count) in EventLog.Histogram(events, "cip", "cipClass"))
            Assert.True(truthClasses.GetValueOrDefault(cipClass) >= count, $"{capture}: class {cipClass} x{count}, tshark x{truthClasses.GetValueOrDefault(cipClass)}");

        // Class-1 I/O: tshark's ENIP PDUs without a command.
        int io = events.Count(e => e.GetProperty("protocol").GetString() == "enip" && e.GetProperty("function").ValueKind == JsonValueKind.Null);
        Assert.Equal(TruthPdus(path) - truth.Histogram(Details, "enip.command").Values.Sum(), io);
    }

    [Theory]
    [InlineData("suricata-verify__enip_test1.pcap")]
    [InlineData("ICS-Security-Tools__enip_test.pcap")]
    [InlineData("icsnpp-enip__enip_cip_example.pcap")]
    [InlineData("ICS-Security-Tools__EIP-IPAddressChangeAttempt.pcap")]
    public void Analyze_ListIdentityReply_MatchesTsharkAndReachesInventory(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicFolder(Family), capture);
        var expected = TsharkIdentities(path);
        Assert.NotEmpty(expected);
        using var run = new AnalyzeRunner(path);
        var replies = EventLog.Read(run.EventsPath)
            .Where(e => e.GetProperty("protocol").GetString() == "enip" && e.TryGetProperty("productName", out _))
            .Select(e => (e.GetProperty("productName").GetString()!, RevisionAsTshark(e.GetProperty("revision").GetString()!)))
            .ToHashSet();
        Assert.True(expected.SetEquals(replies), $"{capture}: tshark [{string.Join(", ", expected)}] ours [{string.Join(", ", replies)}]");

        using var devices = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.OutputDirectory, "devices.json")));
        // The device whose module is one tshark saw in a ListIdentity reply (the CDP switch in the same capture has a module too).
        var device = devices.RootElement.EnumerateArray().Single(d => d.GetProperty("firmware").GetArrayLength() > 0
            && expected.Any(e => e.Item1 == d.GetProperty("firmware")[0].GetProperty("model").GetString()));
        Assert.Equal("Rockwell Automation/Allen-Bradley", device.GetProperty("vendor").GetString());
        var firmware = device.GetProperty("firmware")[0];
        Assert.Equal("1756-ENBT/A", firmware.GetProperty("model").GetString());
        Assert.Contains((firmware.GetProperty("model").GetString()!, RevisionAsTshark(firmware.GetProperty("firmwareVersion").GetString()!)), expected);
        Assert.Equal("58", device.GetProperty("evidence").GetProperty("productCode").GetProperty("value").GetString());
        Assert.StartsWith("0x005", firmware.GetProperty("serial").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ClassOneIo_ReportsConnectionIdsAndSequences()
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicFolder(Family), "icsnpp-enip__enip_cip_example.pcap"));
        var io = EventLog.Read(run.EventsPath)
            .Where(e => e.GetProperty("protocol").GetString() == "enip" && e.TryGetProperty("io", out _)).ToList();
        Assert.Equal(398, io.Count);
        Assert.All(io, e => Assert.True(e.GetProperty("connectionId").GetUInt32() != 0));
        var sequences = io.GroupBy(e => e.GetProperty("connectionId").GetUInt32())
            .Select(g => g.Select(e => e.GetProperty("sequence").GetUInt32()).ToList()).First(s => s.Count > 2);
        Assert.True(sequences.Zip(sequences.Skip(1)).All(p => p.Second > p.First), "sequence numbers increase per connection");
    }

    /// <summary>tshark shows the revision as one 16-bit number, major octet first.</summary>
    private static int RevisionAsTshark(string majorDotMinor)
    {
        var parts = majorDotMinor.Split('.');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture) << 8) | int.Parse(parts[1], CultureInfo.InvariantCulture);
    }

    private static HashSet<(string Name, int Revision)> TsharkIdentities(string path)
    {
        var start = new ProcessStartInfo("tshark", ["-n", "-r", path, "-Y", "enip.lir.name", "-T", "fields", "-e", "enip.lir.name", "-e", "enip.lir.revision"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var set = new HashSet<(string, int)>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t');
            set.Add((fields[0], int.Parse(fields[1], CultureInfo.InvariantCulture)));
        }
        return set;
    }

    private static int TruthPdus(string capturePath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(capturePath + ".tshark.json"));
        return doc.RootElement.GetProperty("ics_protocols").TryGetProperty(Family, out var p) ? p.GetProperty("pdus").GetInt32() : 0;
    }
}
