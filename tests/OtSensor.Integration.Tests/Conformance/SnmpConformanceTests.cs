using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// The one public capture in which tshark 4.0 decodes SNMP: PDU types (<c>-Y snmp -e snmp.data</c>: 7 get-request,
/// 7 get-response), version (<c>snmp.version</c> 1 = v2c), and the polled objects (<c>snmp.name</c>: ifOperStatus
/// 1.3.6.1.2.1.2.2.1.8.1–19), request ids paired between requests and responses.
/// </summary>
public sealed class SnmpConformanceTests
{
    private const string Capture = "goose/ICS-Security-Tools__Sample_File_MMS_and_GOOSE.pcap";

    [Fact]
    public void Expected_OnlyOneCaptureHasSnmp()
    {
        var with = Directory.GetDirectories(SharedCaptures.PublicRoot!)
            .SelectMany(f => SharedCaptures.Captures(Path.GetFileName(f)!).Select(p => $"{Path.GetFileName(f)}/{Path.GetFileName(p)}"))
            .Where(c => NamingTruth.ProtocolFrames(Path.Combine(SharedCaptures.PublicRoot!, c), "snmp") > 0);
        Assert.Equal([Capture], with);
    }

    [Fact]
    public void EventLog_PduTypesVersionsAndObjects_MatchTshark()
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicRoot!, Capture));
        var records = NamingTruth.Records(run.EventsPath, "snmp");
        Assert.Equal(new SortedDictionary<int, int> { [0] = 7, [2] = 7 }, NamingTruth.Functions(records));
        Assert.All(records, r => Assert.Equal((1, 0), (r.GetProperty("version").GetInt32(), r.GetProperty("anomalies").GetArrayLength())));
        Assert.Equal(118, records.Sum(r => r.GetProperty("varbindCount").GetInt32())); // tshark: 118 snmp.name occurrences
        var requests = records.Where(r => r.GetProperty("function").GetInt32() == 0).Select(r => r.GetProperty("requestId").GetInt64()).Order();
        var responses = records.Where(r => r.GetProperty("function").GetInt32() == 2).Select(r => r.GetProperty("requestId").GetInt64()).Order();
        Assert.Equal(requests, responses);
        var oids = records.SelectMany(r => r.GetProperty("varbinds").EnumerateArray().Select(v => v.GetProperty("oid").GetString()!)).ToHashSet();
        Assert.Contains("1.3.6.1.2.1.2.2.1.8.1", oids);
        Assert.All(oids, o => Assert.StartsWith("1.3.6.1.2.1.2.2.1.8.", o, StringComparison.Ordinal));
    }
}
