using System.Text.Json;
using OtSensor.Protocols.Mms;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Every MMS capture in ../shared/pcaps/public/mms: the events.jsonl histograms of <c>function</c> (confirmed
/// service of requests and responses) and <c>pduType</c> are compared with tshark's
/// <c>mms.confirmedServiceRequest</c> + <c>mms.confirmedServiceResponse</c> and <c>mms.pdu_type</c>; they must
/// be identical or differ exactly as listed, each with its reason.
/// </summary>
public sealed class MmsConformanceTests
{
    private const string MidStream = "TCP stream 0 (frames 1-9) starts mid-connection: tshark never saw the presentation CP that binds "
        + "context 3 to MMS, so it shows the DATA SPDUs as session data only; we tell MMS from ACSE by the ASN.1 class and decode them.";

    private const string BareConclude = "conclude-Request 8B 00 straight on COTP (no session/presentation): tshark's heuristic MMS-on-COTP "
        + "dissector leaves this 2-byte TSDU as COTP data (it does take the 3-byte bare cancel-Request 85 01 01), we decode it.";

    private static readonly Dictionary<string, (HistogramDiff Diff, string Reason)[]> KnownDifferences = new(StringComparer.Ordinal)
    {
        ["ICS-Security-Tools__mms-cancelRequest.pcap"] = [(new("pduType", 11, 0, 1), "Frame 16: " + BareConclude)],
        ["ICS-Security-Tools__mms-confirmedRequestPDU.pcap"] = [(new("pduType", 11, 0, 1), "Frame 16: " + BareConclude)],
        ["ICS-Security-Tools__mms-deleteProgramInvocation.pcap"] = [(new("pduType", 11, 0, 1), "Frame 16: " + BareConclude)],
        ["ICS-Security-Tools__mms-getAlarmSummary.pcap"] = [(new("pduType", 11, 0, 1), "Frame 16: " + BareConclude)],
        ["ICS-Security-Tools__mms-initiateUploadSequence.pcap"] = [(new("pduType", 11, 0, 1), "Frame 16: " + BareConclude)],
        ["ICS-Security-Tools__mms-relinquishControl.pcap"] = [(new("pduType", 11, 0, 1), "Frame 20: " + BareConclude)],
        ["ICS-Security-Tools__mms-resetRequest.pcap"] = [(new("pduType", 11, 0, 1), "Frame 16: " + BareConclude)],
        ["ICS-Security-Tools__mms-resumeRequest.pcap"] = [(new("pduType", 11, 0, 1), "Frame 16: " + BareConclude)],
        ["ICS-Security-Tools__mms-startRequest.pcap"] = [(new("pduType", 11, 0, 1), "Frame 20: " + BareConclude)],
        ["ICS-Security-Tools__mms-stopRequest.pcap"] = [(new("pduType", 11, 0, 1), "Frame 20: " + BareConclude)],
        ["ICS-Security-Tools__mms-takeControl.pcap"] = [(new("pduType", 11, 0, 1), "Frame 20: " + BareConclude)],
        ["ICS-Security-Tools__mms-terminateUploadSequence.pcap"] = [(new("pduType", 11, 0, 1), "Frame 20: " + BareConclude)],
        ["ICS-Security-Tools__Sample_File_MMS_and_GOOSE.pcap"] =
        [
            (new("pduType", 3, 0, 28), "28 IEC 61850 information reports (unconfirmed-PDU, variable list \"RPT\", e.g. frame 3 in TCP stream 0) "
                + "on connections that start before the capture: tshark has no presentation context for them and shows PRES DATA TRANSFER only."),
        ],
        ["ICS-Security-Tools__IEC61850_iec.pcap"] =
        [
            (new("function", 5, 1, 2), "Frame 2: write request. " + MidStream),
            (new("pduType", 0, 1, 2), "Frame 2: confirmed-Request (write). " + MidStream),
            (new("pduType", 1, 2, 4), "Frames 3 and 5: confirmed-Response (frame 3 truncated after the invokeID, flagged malformed_ber). " + MidStream),
            (new("pduType", 11, 1, 2), "Frame 4: conclude-Request. " + MidStream),
        ],
    };

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var family in Directory.GetDirectories(SharedCaptures.PublicRoot!).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            foreach (var path in SharedCaptures.Captures(family!))
                if (family == "mms" || TsharkTruth.Load(path).Histogram("mms", "mms.confirmedServiceRequest").Count > 0) data.Add($"{family}/{Path.GetFileName(path)}");
        }
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

        var tsharkFunctions = truth.Histogram("mms", "mms.confirmedServiceRequest");
        foreach (var (code, count) in truth.Histogram("mms", "mms.confirmedServiceResponse"))
            tsharkFunctions[code] = tsharkFunctions.GetValueOrDefault(code) + count;

        var diffs = HistogramDiff.Compare("function", tsharkFunctions, EventLog.Histogram(events, "mms", "function"))
            .Concat(HistogramDiff.Compare("pduType", PduTypeHistogram(path), EventLog.Histogram(events, "mms", "pduType")))
            .ToList();

        var expected = KnownDifferences.TryGetValue(Path.GetFileName(capture), out var known) ? known.Select(k => k.Diff).ToList() : [];
        Assert.True(expected.SequenceEqual(diffs), $"{capture}: expected differences [{string.Join("; ", expected)}] but found [{string.Join("; ", diffs)}]");
    }

    [Fact]
    public void EventLog_ReadAndGetVariableAccessAttributes_DomainAndItemNames()
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicFolder("mms"), "nDPI__iso9506-1-mms.pcap"));
        var events = EventLog.Read(run.EventsPath).Where(e => e.GetProperty("protocol").GetString() == "mms").ToList();
        var gvaa = Assert.Single(events, e => e.GetProperty("function").ValueKind == JsonValueKind.Number && e.GetProperty("function").GetInt32() == 6);
        Assert.Equal("AA1E1Q01FP2LD0", gvaa.GetProperty("domainId").GetString());
        Assert.Equal("LLN0$BR$rcb_B02", gvaa.GetProperty("itemId").GetString());
        Assert.Equal(303731, gvaa.GetProperty("invokeId").GetInt32());
        var readResponse = Assert.Single(events, e => e.GetProperty("direction").GetString() == "response"
            && e.GetProperty("function").ValueKind == JsonValueKind.Number && e.GetProperty("function").GetInt32() == 4);
        Assert.Equal("object-non-existent", readResponse.GetProperty("dataAccessErrorName").GetString());
    }

    /// <summary>tshark keys <c>mms.pdu_type</c> by name ("confirmed-Request"); mapped to the MMSpdu alternative number.</summary>
    private static SortedDictionary<int, int> PduTypeHistogram(string capturePath)
    {
        var histogram = new SortedDictionary<int, int>();
        using var doc = JsonDocument.Parse(File.ReadAllText(capturePath + ".tshark.json"));
        if (!doc.RootElement.TryGetProperty("details", out var details) || !details.TryGetProperty("mms", out var mms)
            || !mms.TryGetProperty("mms.pdu_type", out var counts))
        {
            return histogram;
        }
        foreach (var entry in counts.EnumerateObject())
        {
            int code = Enumerable.Range(0, 14).First(t => string.Equals(MmsNames.PduType(t), entry.Name, StringComparison.Ordinal));
            histogram[code] = entry.Value.GetInt32();
        }
        return histogram;
    }
}
