using System.Globalization;
using System.Text.Json;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Every GOOSE capture in ../shared/pcaps/public/goose: the set of APPIDs, the APDU count and, per gocbRef, tshark's
/// control block summary (frames, appid, datSet, goID, confRev, stNum range, simulation) are compared with the
/// events.jsonl records; they must be identical or differ exactly as listed, each with its reason.
/// </summary>
/// <remarks>
/// tshark's <c>goose.simulation</c> is the goosePdu [7] BOOLEAN ("test" in IEC 61850-8-1 Ed.1), which we write as
/// <c>test</c>; our <c>simulation</c> is the Ed.2 Reserved 1 bit, which tshark shows as <c>goose.reserve1.s_bit</c>.
/// </remarks>
public sealed class GooseConformanceTests
{
    private const string TsharkSequenceOrder = "tshark decodes IECGoosePdu as a strict SEQUENCE: once a mandatory field is missing "
        + "(\"BER Error: Wrong field in SEQUENCE\") it does not attribute the following fields; we take fields by tag.";

    private static readonly Dictionary<string, (string Diff, string Reason)[]> KnownDifferences = new(StringComparer.Ordinal)
    {
        ["icsnpp-iec61850-goose__GOOSE_missing_dataset.pcap"] =
        [
            ("GEDeviceF650/LLN0$GO$gcb01 goID: tshark [], ours [F650_GOOSE1]",
                "Frame 1 has no datSet [2]; goID [3] 'F650_GOOSE1' follows gocbRef and timeAllowedToLive. " + TsharkSequenceOrder),
        ],
        ["icsnpp-iec61850-goose__GOOSE_missing_timestamp.pcap"] =
        [
            ("GEDeviceF650/LLN0$GO$gcb01 stNum: tshark -, ours 1..1",
                "Frame 1 has no t [4]; stNum [5] = 1 follows goID. " + TsharkSequenceOrder),
            ("GEDeviceF650/LLN0$GO$gcb01 simulation: tshark [], ours [0]",
                "Frame 1 has no t [4]; the [7] BOOLEAN = FALSE follows sqNum. " + TsharkSequenceOrder),
        ],
    };

    /// <summary>Anomalies each capture's records carry, by design of the capture (icsnpp made them malformed on purpose).</summary>
    private static readonly Dictionary<string, string[]> ExpectedAnomalies = new(StringComparer.Ordinal)
    {
        ["icsnpp-iec61850-goose__GOOSE.pcap"] = ["sequence_reset"],                      // frame 4: sqNum 12 → 1, stNum 1 (restart)
        ["icsnpp-iec61850-goose__GOOSE_missing_all_data.pcap"] = ["missing_field"],
        ["icsnpp-iec61850-goose__GOOSE_missing_conf_rev.pcap"] = ["missing_field"],
        ["icsnpp-iec61850-goose__GOOSE_missing_dataset.pcap"] = ["missing_field"],
        ["icsnpp-iec61850-goose__GOOSE_missing_num_dat_set_entries.pcap"] = ["missing_field"],
        ["icsnpp-iec61850-goose__GOOSE_missing_timestamp.pcap"] = ["missing_field"],
        ["icsnpp-iec61850-goose__GOOSE_unsupported_tlv.pcap"] = ["field_out_of_order"], // security [12] before allData [11]
    };

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var path in SharedCaptures.Captures("goose")) data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void EventLog_MatchesTsharkControlBlocks_OrDiffersOnlyAsExplained(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicFolder("goose"), capture);
        using var truthDoc = JsonDocument.Parse(File.ReadAllText(path + ".tshark.json"));
        var truth = truthDoc.RootElement;
        using var run = new AnalyzeRunner(path);
        var records = EventLog.Read(run.EventsPath).Where(e => e.GetProperty("protocol").GetString() == "goose").ToList();

        Assert.Equal(truth.GetProperty("ics_protocols").GetProperty("goose").GetProperty("pdus").GetInt32(), records.Count);
        var goose = truth.GetProperty("details").GetProperty("goose");
        Assert.Equal(goose.GetProperty("goose.appid").EnumerateArray().Select(a => a.GetInt32()).Order(),
            records.Select(r => r.GetProperty("appId").GetInt32()).Distinct().Order());
        foreach (var r in records)
        {
            Assert.Equal(JsonValueKind.Null, r.GetProperty("function").ValueKind);
            Assert.Equal(JsonValueKind.Null, r.GetProperty("srcPort").ValueKind);
        }

        var diffs = new List<string>();
        var blocks = goose.GetProperty("control_blocks");
        var ours = records.GroupBy(r => r.GetProperty("gocbRef").GetString()!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Assert.Equal(blocks.EnumerateObject().Select(b => b.Name).Order(StringComparer.Ordinal), ours.Keys.Order(StringComparer.Ordinal));
        foreach (var block in blocks.EnumerateObject())
        {
            var mine = ours[block.Name];
            var t = block.Value;
            Compare(diffs, block.Name, "frames", t.GetProperty("frames").GetInt32().ToString(CultureInfo.InvariantCulture), mine.Count.ToString(CultureInfo.InvariantCulture));
            Compare(diffs, block.Name, "appid", Set(t.GetProperty("appid")), Set(mine, "appId"));
            Compare(diffs, block.Name, "datSet", Set(t.GetProperty("datSet")), Set(mine, "datSet"));
            Compare(diffs, block.Name, "goID", Set(t.GetProperty("goID")), Set(mine, "goID"));
            Compare(diffs, block.Name, "confRev", Set(t.GetProperty("confRev")), Set(mine, "confRev"));
            Compare(diffs, block.Name, "stNum", Range(t.GetProperty("stNum_min"), t.GetProperty("stNum_max")), Range(mine));
            Compare(diffs, block.Name, "simulation", Set(t.GetProperty("simulation")), Set(mine, "test"));
        }

        var expected = KnownDifferences.TryGetValue(capture, out var known) ? known.Select(k => k.Diff).ToList() : [];
        Assert.True(expected.SequenceEqual(diffs), $"{capture}: expected differences [{string.Join("; ", expected)}] but found [{string.Join("; ", diffs)}]");

        var anomalies = records.SelectMany(r => r.GetProperty("anomalies").EnumerateArray().Select(a => a.GetString()!)).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(ExpectedAnomalies.GetValueOrDefault(capture) ?? [], anomalies);
    }

    [Fact]
    public void Analyze_MmsAndGoose_StateChangesAndPublisherNames()
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicFolder("goose"), "ICS-Security-Tools__Sample_File_MMS_and_GOOSE.pcap"));
        var q01 = EventLog.Read(run.EventsPath)
            .Where(e => e.GetProperty("protocol").GetString() == "goose" && e.GetProperty("gocbRef").GetString() == "AA1C1Q01A1LD0/LLN0$GO$gcb_A")
            .ToList();
        // tshark: stNum 5867 (sqNum 0..5) then one state change per stNum up to 5874, each starting at sqNum 0.
        Assert.Equal(7, q01.Count(e => e.GetProperty("stateChange").GetBoolean()));
        Assert.All(q01.Where(e => e.GetProperty("stateChange").GetBoolean()), e => Assert.Equal(0, e.GetProperty("sqNum").GetInt32()));
        Assert.Equal("00:00:23:06:30:fe", q01[0].GetProperty("src").GetString());
        Assert.Equal("2008-07-18T12:34:28.149000Z", q01[0].GetProperty("t").GetString());

        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.OutputDirectory, "devices.json")));
        var names = doc.RootElement.EnumerateArray()
            .Where(d => d.GetProperty("protocols").EnumerateArray().Any(p => p.GetProperty("protocol").GetString() == "goose"))
            .ToDictionary(d => d.GetProperty("macAddresses")[0].GetString()!, d => d.GetProperty("name").GetString(), StringComparer.Ordinal);
        Assert.Equal("AA1C1Q01A1LD0", names["00:00:23:06:30:fe"]);
        Assert.Equal("AA1C1Q05A1LD0", names["0a:bb:fe:10:c9:06"]);
        Assert.Equal("AA1C1Q07A1LD0", names["0a:bb:fe:10:c9:08"]);
        var roles = doc.RootElement.EnumerateArray().Single(d => d.GetProperty("macAddresses").EnumerateArray().Any(m => m.GetString() == "00:00:23:06:30:fe"))
            .GetProperty("protocols").EnumerateArray().Single(p => p.GetProperty("protocol").GetString() == "goose").GetProperty("roles");
        Assert.Equal(["publisher"], roles.EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public void Analyze_GooseDemoBehindVlan_Decoded()
    {
        // ICS-Security-Tools GOOSE_DEMO.pcap: 802.1Q tag (VLAN 10, priority 4) before EtherType 0x88B8, 5-octet INTEGERs.
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicFolder("goose"), "ICS-Security-Tools__GOOSE_DEMO.pcap"));
        var r = Assert.Single(EventLog.Read(run.EventsPath), e => e.GetProperty("protocol").GetString() == "goose");
        Assert.Equal((8192, "111", "222", "333"), (r.GetProperty("appId").GetInt32(), r.GetProperty("gocbRef").GetString(),
            r.GetProperty("datSet").GetString(), r.GetProperty("goID").GetString()));
        Assert.Equal((1, 1, 10000, 10), (r.GetProperty("stNum").GetInt32(), r.GetProperty("sqNum").GetInt32(),
            r.GetProperty("timeAllowedToLive").GetInt32(), r.GetProperty("entries").GetInt32()));
        Assert.Equal("2011-05-26T00:55:54.859000Z", r.GetProperty("t").GetString());
    }

    private static void Compare(List<string> diffs, string block, string field, string tshark, string ours)
    {
        if (!string.Equals(tshark, ours, StringComparison.Ordinal)) diffs.Add($"{block} {field}: tshark {tshark}, ours {ours}");
    }

    private static string Set(JsonElement values)
        => "[" + string.Join(",", values.EnumerateArray().Select(Text).Order(StringComparer.Ordinal)) + "]";

    private static string Set(List<JsonElement> records, string key)
        => "[" + string.Join(",", records.Select(r => r.GetProperty(key)).Where(v => v.ValueKind != JsonValueKind.Null).Select(Text).Distinct().Order(StringComparer.Ordinal)) + "]";

    private static string Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.True => "1",
        JsonValueKind.False => "0",
        JsonValueKind.String => v.GetString()!,
        _ => v.GetRawText(),
    };

    private static string Range(JsonElement min, JsonElement max)
        => min.ValueKind == JsonValueKind.Null ? "-" : $"{min.GetInt64()}..{max.GetInt64()}";

    private static string Range(List<JsonElement> records)
    {
        var values = records.Select(r => r.GetProperty("stNum")).Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetInt64()).ToList();
        return values.Count == 0 ? "-" : $"{values.Min()}..{values.Max()}";
    }
}
