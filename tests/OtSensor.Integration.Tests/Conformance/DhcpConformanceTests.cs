using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Every public capture in which tshark 4.0 decodes DHCP: the message types (option 53, null for plain BOOTP) and
/// the clients' host names and vendor classes of the events.jsonl records equal tshark's, taken with
/// <c>tshark -r F -Y dhcp -T fields -e dhcp.option.dhcp</c> and
/// <c>-Y "dhcp.type==1" -e dhcp.hw.mac_addr -e dhcp.option.hostname -e dhcp.option.vendor_class_id</c>.
/// </summary>
public sealed class DhcpConformanceTests
{
    /// <summary>Per capture: message type → count (-1 = BOOTP without option 53), and request (chaddr, host name, vendor class).</summary>
    private static readonly Dictionary<string, (Dictionary<int, int> Types, (string Chaddr, string? Host, string? VendorClass)[] Clients)> Expected = new(StringComparer.Ordinal)
    {
        ["enip-cip/ICS-Security-Tools__EIP-IPAddressChangeAttempt.pcap"] =
            (new() { [-1] = 2, [1] = 1, [2] = 1, [3] = 1, [5] = 1 }, [("00:00:bc:3e:eb:e4", null, null), ("00:e0:62:60:35:d0", null, null)]),
        ["ethercat/ethercrab__rs-detect-slaves-ek1100-only.pcapng"] = (new() { [1] = 1, [3] = 1 }, [("74:5b:c5:20:63:ab", null, null)]),
        ["ethercat/ethercrab__soem-dual-lan9252.pcapng"] = (new() { [1] = 1 }, [("00:e1:00:00:03:fb", "Compube", "MSFT 5.0")]),
        ["ethercat/ethercrab__soem-single-lan9252.pcapng"] = (new() { [1] = 1 }, [("00:e1:00:00:03:fb", "Compube", "MSFT 5.0")]),
        ["ethercat/ethercrab__twincat-akd-nc-mode.pcapng"] = (new() { [1] = 1, [3] = 1 }, [("00:e1:00:00:03:fb", "Compube", "MSFT 5.0")]),
        ["ethercat/ethercrab__twincat-scan-devices.pcapng"] = (new() { [1] = 3 }, [("00:e1:00:00:03:fb", "Compube", "MSFT 5.0")]),
        ["profinet/icsnpp-profinet-io-cm__profinet_io_cm_mixed_1.pcap"] =
            (new() { [1] = 62 }, [("00:0e:8c:ef:75:c5", "siemens-x208-switch", null), ("e4:11:5b:5a:d9:73", "LT-US-DSWANSON", "MSFT 5.0")]),
    };

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var name in Expected.Keys.Order(StringComparer.Ordinal)) data.Add(name);
        return data;
    }

    [Fact]
    public void Expected_CoversEveryCaptureWithDhcp()
    {
        var withDhcp = Directory.GetDirectories(SharedCaptures.PublicRoot!)
            .SelectMany(f => SharedCaptures.Captures(Path.GetFileName(f)!).Select(p => $"{Path.GetFileName(f)}/{Path.GetFileName(p)}"))
            .Where(c => NamingTruth.ProtocolFrames(Path.Combine(SharedCaptures.PublicRoot!, c), "dhcp") > 0)
            .Order(StringComparer.Ordinal);
        Assert.Equal(withDhcp, Expected.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void EventLog_MessageTypesAndClientNames_MatchTshark(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicRoot!, capture);
        using var run = new AnalyzeRunner(path);
        var records = NamingTruth.Records(run.EventsPath, "dhcp");
        var (types, clients) = Expected[capture];
        Assert.Equal(types.Values.Sum(), NamingTruth.ProtocolFrames(path, "dhcp"));
        Assert.Equal(new SortedDictionary<int, int>(types), NamingTruth.Functions(records));

        var seen = records.Where(r => r.GetProperty("op").GetInt32() == 1)
            .Select(r => (NamingTruth.Text(r, "chaddr")!, NamingTruth.Text(r, "hostname"), NamingTruth.Text(r, "vendorClass")))
            .Distinct().Order().ToList();
        Assert.Equal(clients.Order(), seen);
    }

    [Fact]
    public void EventLog_ServerReplies_CarryClientNameWithAssignedAddress()
    {
        // The Koyo and ControlLogix replies name their client in option 12 (set by the server for the client).
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicRoot!, "enip-cip/ICS-Security-Tools__EIP-IPAddressChangeAttempt.pcap"));
        var replies = NamingTruth.Records(run.EventsPath, "dhcp").Where(r => r.GetProperty("op").GetInt32() == 2)
            .Select(r => (NamingTruth.Text(r, "chaddr"), NamingTruth.Text(r, "yiaddr"), NamingTruth.Text(r, "hostname")))
            .Distinct().Order().ToList();
        Assert.Equal(
            [("00:00:bc:3e:eb:e4", "192.168.10.120", "ConLgxEIP"), ("00:e0:62:60:35:d0", "192.168.10.131", "KoyoDL405")],
            replies);
    }
}
