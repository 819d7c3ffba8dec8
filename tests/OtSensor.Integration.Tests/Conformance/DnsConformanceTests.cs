using System.Text.Json;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Every public capture in which tshark 4.0 decodes DNS, mDNS or LLMNR: per protocol, the histogram of the first
/// question's type (our <c>function</c>; -1 when a message has no question) equals tshark's, taken with
/// <c>tshark -r F -Y &lt;dns|mdns|llmnr&gt; -T fields -E occurrence=f -e dns.qry.type</c>. The hosts named by unique
/// A records of mDNS responses and by LLMNR answers (the records the identity statements come from) are checked
/// against <c>-Y "mdns &amp;&amp; dns.flags.response==1" -e dns.resp.name -e dns.a</c>.
/// </summary>
public sealed class DnsConformanceTests
{
    private static readonly Dictionary<string, Dictionary<string, Dictionary<int, int>>> Expected = new(StringComparer.Ordinal)
    {
        ["ethercat/ethercrab__rs-detect-slaves-ek1100-el1004.pcapng"] = new() { ["dns"] = new() { [1] = 4 } },
        ["ethercat/ethercrab__rs-detect-slaves-ek1100-only.pcapng"] = new() { ["dns"] = new() { [1] = 2 }, ["mdns"] = new() { [-1] = 1, [12] = 1 } },
        ["ethercat/ethercrab__soem-dual-lan9252.pcapng"] = new() { ["mdns"] = new() { [-1] = 1 } },
        ["ethercat/ethercrab__soem-sdinfo-ek1100-only.pcapng"] = new() { ["mdns"] = new() { [-1] = 1 } },
        ["ethercat/ethercrab__twincat-akd-nc-mode.pcapng"] = new()
        {
            ["dns"] = new() { [1] = 96, [28] = 6 },
            ["mdns"] = new() { [-1] = 80, [1] = 144, [12] = 19, [255] = 40 },
            ["llmnr"] = new() { [1] = 144, [255] = 4 },
        },
        ["ethercat/ethercrab__twincat-scan-devices-2.pcapng"] = new() { ["dns"] = new() { [1] = 27 }, ["mdns"] = new() { [-1] = 18, [12] = 6, [255] = 10 } },
        ["ethercat/ethercrab__twincat-scan-devices.pcapng"] = new() { ["mdns"] = new() { [-1] = 2, [12] = 1 } },
        ["modbus/zeek__modbusSmall.pcap"] = new() { ["dns"] = new() { [1] = 6 } },
        ["opcua/icsnpp-opcua-binary__open62541_discover_getendpoints_discover_urls.pcap"] = new() { ["mdns"] = new() { [-1] = 1 } },
        ["opcua/icsnpp-opcua-binary__pcaps_open62541_client-server_mainloop.pcap"] = new() { ["dns"] = new() { [1] = 1 } },
        ["opcua/icsnpp-opcua-binary__traces_open62541_client-server_mainloop.pcap"] = new() { ["dns"] = new() { [1] = 2, [28] = 2 } },
        ["other/ICS-Security-Tools__addroute.pcapng"] = new() { ["llmnr"] = new() { [1] = 64 } },
        ["other/ICS-Security-Tools__addroute1.pcapng"] = new() { ["mdns"] = new() { [12] = 1 }, ["llmnr"] = new() { [1] = 12 } },
        ["other/ICS-Security-Tools__addrouteuse444444444.pcapng"] = new() { ["llmnr"] = new() { [1] = 64 } },
        ["other/ICS-Security-Tools__beckoffaddroute.pcapng"] = new() { ["llmnr"] = new() { [1] = 32 } },
        ["other/ICS-Security-Tools__beckoffiplinktc2.pcapng"] = new() { ["llmnr"] = new() { [1] = 60 } },
        ["other/ICS-Security-Tools__invokeid12.pcapng"] = new() { ["llmnr"] = new() { [1] = 12 } },
        ["other/ICS-Security-Tools__wrapup.pcapng"] = new() { ["mdns"] = new() { [-1] = 12, [12] = 7, [255] = 5 }, ["llmnr"] = new() { [1] = 49, [28] = 30, [255] = 8 } },
        ["other/icsnpp-bsap__bsap-ip_example.pcap"] = new() { ["mdns"] = new() { [12] = 6 } },
        ["other/icsnpp-synchrophasor__c37_pmu_unclean.pcap"] = new() { ["llmnr"] = new() { [255] = 8 } },
        ["profinet/icsnpp-profinet-io-cm__profinet_io_cm_mixed_1.pcap"] = new() { ["llmnr"] = new() { [1] = 84, [255] = 52 } },
    };

    /// <summary>Hosts named by unique (cache-flush) A records in mDNS responses, as tshark lists them.</summary>
    private static readonly Dictionary<string, (string Name, string Address)[]> MdnsHosts = new(StringComparer.Ordinal)
    {
        ["ethercat/ethercrab__rs-detect-slaves-ek1100-only.pcapng"] = [("Compube.local", "192.168.0.17")],
        ["ethercat/ethercrab__soem-sdinfo-ek1100-only.pcapng"] = [("NIELD-XPS13.local", "192.168.0.79")],
        ["other/ICS-Security-Tools__wrapup.pcapng"] = [("VJTI-PC3.local", "192.168.0.16")],
    };

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var name in Expected.Keys.Order(StringComparer.Ordinal)) data.Add(name);
        return data;
    }

    [Fact]
    public void Expected_CoversEveryCaptureWithDnsMdnsOrLlmnr()
    {
        var with = Directory.GetDirectories(SharedCaptures.PublicRoot!)
            .SelectMany(f => SharedCaptures.Captures(Path.GetFileName(f)!).Select(p => $"{Path.GetFileName(f)}/{Path.GetFileName(p)}"))
            .Where(c => new[] { "dns", "mdns", "llmnr" }.Any(p => NamingTruth.ProtocolFrames(Path.Combine(SharedCaptures.PublicRoot!, c), p) > 0))
            .Order(StringComparer.Ordinal);
        Assert.Equal(with, Expected.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void EventLog_FirstQuestionTypes_MatchTshark(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicRoot!, capture);
        using var run = new AnalyzeRunner(path);
        var expected = Expected[capture];
        foreach (var protocol in new[] { "dns", "mdns", "llmnr" })
        {
            var want = new SortedDictionary<int, int>(expected.GetValueOrDefault(protocol) ?? []);
            Assert.Equal(want.Values.Sum(), NamingTruth.ProtocolFrames(path, protocol));
            var records = NamingTruth.Records(run.EventsPath, protocol);
            Assert.Equal(want, NamingTruth.Functions(records));
            Assert.All(records, r => Assert.Equal(0, r.GetProperty("anomalies").GetArrayLength()));
        }

        var hosts = NamingTruth.Records(run.EventsPath, "mdns")
            .Where(r => r.GetProperty("direction").GetString() == "response" || r.TryGetProperty("records", out _))
            .SelectMany(r => r.TryGetProperty("records", out var rs) ? rs.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(x => x.GetProperty("type").GetInt32() == 1 && x.GetProperty("cacheFlush").GetBoolean())
            .Select(x => (x.GetProperty("name").GetString()!, x.GetProperty("address").GetString()!))
            .Distinct().Order().ToList();
        if (MdnsHosts.TryGetValue(capture, out var named)) Assert.Equal(named.Order(), hosts);
    }

    [Fact]
    public void EventLog_LlmnrInPublicCaptures_AreAllQueries()
    {
        // tshark -Y "llmnr && dns.flags.response==1" finds no LLMNR response in the public captures: the names
        // asked for belong to hosts that never answered, so no LLMNR identity can come from them.
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicRoot!, "other/ICS-Security-Tools__wrapup.pcapng"));
        var llmnr = NamingTruth.Records(run.EventsPath, "llmnr");
        Assert.Equal(87, llmnr.Count);
        Assert.All(llmnr, r => Assert.Equal("request", r.GetProperty("direction").GetString()));
    }
}
