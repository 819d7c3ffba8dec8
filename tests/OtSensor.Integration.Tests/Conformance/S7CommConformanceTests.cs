using System.Text.Json;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Every S7comm capture in ../shared/pcaps/public/s7comm (and the S7comm part of the s7commplus folder): the
/// events.jsonl histograms of <c>function</c>, <c>rosctr</c>, Userdata group/subfunction and header errors are
/// compared with tshark's; they must be identical or differ exactly as listed, each with its reason.
/// </summary>
public sealed class S7CommConformanceTests
{
    private static readonly Dictionary<string, (HistogramDiff Diff, string Reason)[]> KnownDifferences = new(StringComparer.Ordinal)
    {
        ["ICS-Security-Tools__s7comm_clean.pcap"] =
        [
            (new("function", 4, 5262, 5274), "12 Ack-Data PDUs (e.g. frame 398, PDU ref 61958) travel only in segments whose ACK was captured "
                + "first; tshark calls them spurious retransmissions and does not dissect them, we decode their bytes once."),
            (new("rosctr", 3, 2625, 2637), "The same 12 Ack-Data PDUs."),
        ],
        ["ICS-Security-Tools__tia_s300_downloadHwConfig.pcapng"] =
        [
            (new("userdataGroupSubfunction", 0x0000, 0, 1), "Frame 59: Mode-transition push STOP. tshark puts the mode in "
                + "s7comm.param.modetrans.subfunc, not s7comm.param.userdata.subfunc, so the truth has no group/subfunction pair for it."),
            (new("userdataGroupSubfunction", 0x0002, 0, 1), "Frame 138: Mode-transition push RUN, as above."),
        ],
    };

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var path in SharedCaptures.Captures("s7comm")) data.Add("s7comm/" + Path.GetFileName(path));
        foreach (var path in SharedCaptures.Captures("s7commplus"))
            if (TsharkTruth.Load(path).Histogram("s7comm", "s7comm.header.rosctr").Count > 0) data.Add("s7commplus/" + Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void EventLog_MatchesTshark_OrDiffersOnlyAsExplained(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicRoot!, capture);
        var truth = TsharkTruth.Load(path);
        using var run = new AnalyzeRunner(path);
        var events = EventLog.Read(run.EventsPath).ToList();

        var diffs = HistogramDiff.Compare("function", truth.Histogram("s7comm", "s7comm.param.func"), EventLog.Histogram(events, "s7comm", "function"))
            .Concat(HistogramDiff.Compare("rosctr", truth.Histogram("s7comm", "s7comm.header.rosctr"), EventLog.Histogram(events, "s7comm", "rosctr")))
            .Concat(HistogramDiff.Compare("userdataGroupSubfunction", PairHistogram(path, "s7comm.userdata.funcgroup_subfunc"), OurPairs(events, "userdataGroup", "userdataSubfunction")))
            .Concat(HistogramDiff.Compare("error", PairHistogram(path, "s7comm.header.error"), OurPairs(events, "errorClass", "errorCode", skipZero: true)))
            .ToList();

        var name = Path.GetFileName(capture);
        var expected = KnownDifferences.TryGetValue(name, out var known) ? known.Select(k => k.Diff).ToList() : [];
        Assert.True(expected.SequenceEqual(diffs), $"{capture}: expected differences [{string.Join("; ", expected)}] but found [{string.Join("; ", diffs)}]");
    }

    /// <summary>
    /// Userdata answers over several data units, per capture, as tshark reassembles them: the last unit (data unit
    /// reference set, "last data unit" = 0) of each, counted with
    /// <c>tshark -Y "s7comm.param.userdata.dataunitref != 0 &amp;&amp; s7comm.param.userdata.lastdataunit == 0"</c>.
    /// Captures not listed have none.
    /// </summary>
    private static readonly Dictionary<string, int> MultiUnitAnswers = new(StringComparer.Ordinal)
    {
        ["ICS-Security-Tools__s7comm_program_blocklist_onlineview.pcap"] = 2,
        ["ICS-Security-Tools__s7comm_reading_setting_plc_time.pcap"] = 1,
        ["ICS-Security-Tools__step7_s300_download.pcapng"] = 2,
        ["ICS-Security-Tools__tia_s300_downloadHwConfig.pcapng"] = 2,
        ["ICS-Security-Tools__tia_s300_goOnline.pcapng"] = 19,
        ["icsnpp-s7comm__snap7.pcap"] = 1,
    };

    [Theory]
    [MemberData(nameof(Captures))]
    public void EventLog_MultiUnitUserdataAnswers_ReassembledAsTsharkDoes(string capture)
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicFolder("s7comm"), capture));
        var s7 = EventLog.Read(run.EventsPath).Where(e => e.GetProperty("protocol").GetString() == "s7comm").ToList();
        Assert.Equal(MultiUnitAnswers.GetValueOrDefault(capture), s7.Count(e => e.TryGetProperty("reassembledLength", out _)));
        Assert.DoesNotContain(s7, e => e.GetProperty("anomalies").EnumerateArray().Any(a => a.GetString()!.StartsWith("userdata_", StringComparison.Ordinal)));
    }

    [Fact]
    public void EventLog_GoOnline_ReassembledAnswersAreTheSzlListsTsharkShows()
    {
        // tshark on the 19 last units: SZL-ID 0x0000 (list of all SZL ids) ×11, 0x001C (component identification) ×6,
        // and 2 block-function answers (group 3, subfunction 2 "list blocks of type"), which carry no SZL.
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicFolder("s7comm"), "ICS-Security-Tools__tia_s300_goOnline.pcapng"));
        var reassembled = EventLog.Read(run.EventsPath)
            .Where(e => e.GetProperty("protocol").GetString() == "s7comm" && e.TryGetProperty("reassembledLength", out _))
            .GroupBy(e => (e.TryGetProperty("szlId", out var id) ? id.GetInt32() : -1, e.GetProperty("userdataGroup").GetInt32(), e.GetProperty("userdataSubfunction").GetInt32()))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<(int, int, int), int> { [(0x0000, 4, 1)] = 11, [(0x001C, 4, 1)] = 6, [(-1, 3, 2)] = 2 }, reassembled);
    }

    [Fact]
    public void Devices_SzlIdentification_ReachesDevicesJson()
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicFolder("s7comm"), "icsnpp-s7comm__snap7.pcap"));
        var devices = File.ReadAllText(Path.Combine(run.OutputDirectory, "devices.json"));
        Assert.Contains("\"V3.2.7\"", devices, StringComparison.Ordinal);                 // SZL 0x0011 index 7
        Assert.Contains("\"S C-B1U393142011\"", devices, StringComparison.Ordinal);       // SZL 0x001C index 5
        Assert.Contains("\"CPU 315-2 PN/DP\"", devices, StringComparison.Ordinal);        // SZL 0x001C index 7
        Assert.Contains("\"S7300/ET200M station_1\"", devices, StringComparison.Ordinal); // SZL 0x001C index 1
        Assert.Contains("\"Siemens\"", devices, StringComparison.Ordinal);
    }

    [Fact]
    public void Devices_SzlOrderNumberAndModuleName_ReachDevicesJson()
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicFolder("s7comm"), "ICS-Security-Tools__s7comm_reading_setting_plc_time.pcap"));
        var devices = File.ReadAllText(Path.Combine(run.OutputDirectory, "devices.json"));
        Assert.Contains("\"6ES7 151-8AB01-0AB0\"", devices, StringComparison.Ordinal); // SZL 0x0111 index 1
        Assert.Contains("\"IM151-8 PN/DP CPU\"", devices, StringComparison.Ordinal);   // SZL 0x011C index 2
    }

    /// <summary>Truth keys "a/b" as a * 256 + b.</summary>
    private static SortedDictionary<int, int> PairHistogram(string capturePath, string field)
    {
        var histogram = new SortedDictionary<int, int>();
        using var doc = JsonDocument.Parse(File.ReadAllText(capturePath + ".tshark.json"));
        if (doc.RootElement.TryGetProperty("details", out var details) && details.TryGetProperty("s7comm", out var s7) && s7.TryGetProperty(field, out var counts))
        {
            foreach (var entry in counts.EnumerateObject())
            {
                var parts = entry.Name.Split('/');
                histogram[int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) * 256 + int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)] = entry.Value.GetInt32();
            }
        }
        return histogram;
    }

    private static SortedDictionary<int, int> OurPairs(List<JsonElement> events, string first, string second, bool skipZero = false)
    {
        var histogram = new SortedDictionary<int, int>();
        foreach (var e in events)
        {
            if (e.GetProperty("protocol").GetString() != "s7comm") continue;
            if (!e.TryGetProperty(first, out var a) || a.ValueKind != JsonValueKind.Number) continue;
            int code = a.GetInt32() * 256 + e.GetProperty(second).GetInt32();
            if (skipZero && code == 0) continue;
            histogram[code] = histogram.GetValueOrDefault(code) + 1;
        }
        return histogram;
    }
}
