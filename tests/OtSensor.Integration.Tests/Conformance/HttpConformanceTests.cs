using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Every public capture in which tshark 4.0 decodes HTTP: request methods (<c>-Y http.request -e http.request.method</c>)
/// and response codes (<c>-Y http.response -e http.response.code</c>) equal tshark's, with no anomaly.
/// </summary>
public sealed class HttpConformanceTests
{
    /// <summary>Per capture: request method index → count, response status → count.</summary>
    private static readonly Dictionary<string, (Dictionary<int, int> Requests, Dictionary<int, int> Responses)> Expected = new(StringComparer.Ordinal)
    {
        ["ethercat/ethercrab__rs-detect-slaves-ek1100-el1004.pcapng"] = (new() { [1] = 1 }, new() { [200] = 1 }),
        ["ethercat/ethercrab__rs-detect-slaves-ek1100-only.pcapng"] = (new() { [1] = 1 }, new() { [200] = 1 }),
        ["ethercat/ethercrab__twincat-akd-nc-mode.pcapng"] = (new() { [1] = 10, [2] = 5 }, new() { [200] = 13, [302] = 2 }),
        ["ethercat/ethercrab__twincat-scan-devices-2.pcapng"] = (new() { [1] = 2 }, new() { [200] = 1, [301] = 1 }),
        ["modbus/zeek__modbus-and-non-modbus-p502.pcap"] = (new() { [1] = 1 }, []),
    };

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var name in Expected.Keys.Order(StringComparer.Ordinal)) data.Add(name);
        return data;
    }

    [Fact]
    public void Expected_CoversEveryCaptureWithHttp()
    {
        var with = Directory.GetDirectories(SharedCaptures.PublicRoot!)
            .SelectMany(f => SharedCaptures.Captures(Path.GetFileName(f)!).Select(p => $"{Path.GetFileName(f)}/{Path.GetFileName(p)}"))
            .Where(c => NamingTruth.ProtocolFrames(Path.Combine(SharedCaptures.PublicRoot!, c), "http") > 0)
            .Order(StringComparer.Ordinal);
        Assert.Equal(with, Expected.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void EventLog_MethodsAndStatusCodes_MatchTshark(string capture)
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicRoot!, capture));
        var records = NamingTruth.Records(run.EventsPath, "http");
        var (requests, responses) = Expected[capture];
        Assert.Equal(new SortedDictionary<int, int>(requests), NamingTruth.Functions(records.Where(r => r.GetProperty("direction").GetString() == "request")));
        Assert.Equal(new SortedDictionary<int, int>(responses), NamingTruth.Functions(records.Where(r => r.GetProperty("direction").GetString() == "response")));
        Assert.All(records, r => Assert.Equal(0, r.GetProperty("anomalies").GetArrayLength()));
        Assert.DoesNotContain(run.Summary.Anomalies.Keys, k => k.StartsWith("http.", StringComparison.Ordinal));
    }
}
