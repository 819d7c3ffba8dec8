using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Every public capture in which tshark 4.0 decodes NetBIOS name or datagram service: name service opcodes
/// (<c>-Y nbns -E occurrence=f -e nbns.flags.opcode</c>), datagram types (<c>-Y nbdgm -e nbdgm.type</c>) and browser
/// commands (<c>-Y browser -e browser.command</c>) equal tshark's; the names registered, listed by node status
/// answers and announced by browsers (<c>-e nbns.name -e nbns.nb_flags.group -e browser.server -e browser.os_major
/// -e browser.os_minor -e browser.comment</c>) are the ones in the records.
/// </summary>
public sealed class NetBiosConformanceTests
{
    private static readonly Dictionary<string, (Dictionary<int, int> Ns, Dictionary<int, int> Datagram, Dictionary<int, int> Browser)> Expected = new(StringComparer.Ordinal)
    {
        ["enip-cip/ICS-Security-Tools__EIP-IPAddressChangeAttempt.pcap"] = (new() { [0] = 6 }, new() { [0x11] = 3 }, new() { [1] = 3 }),
        ["enip-cip/ICS-Security-Tools__EIP-RemoteModeChangeAttempt.pcap"] = (new() { [0] = 3 }, new() { [0x11] = 3 }, new() { [1] = 3 }),
        ["ethercat/ethercrab__twincat-akd-nc-mode.pcapng"] = (new() { [0] = 108, [5] = 12 }, [], []),
        ["goose/ICS-Security-Tools__Sample_File_MMS_and_GOOSE.pcap"] = (new() { [0] = 6 }, [], []),
        ["other/ICS-Security-Tools__addroute.pcapng"] = (new() { [0] = 163 }, [], []),
        ["other/ICS-Security-Tools__addroute1.pcapng"] = (new() { [0] = 26 }, new() { [0x11] = 5 }, new() { [0x0C] = 3, [0x0F] = 2 }),
        ["other/ICS-Security-Tools__addrouteuse444444444.pcapng"] = (new() { [0] = 184 }, new() { [0x11] = 1 }, new() { [0x0C] = 1 }),
        ["other/ICS-Security-Tools__beckoffaddroute.pcapng"] = (new() { [0] = 22 }, [], []),
        ["other/ICS-Security-Tools__beckoffiplink.pcapng"] = (new() { [0] = 12 }, [], []),
        ["other/ICS-Security-Tools__beckoffiplinktc2.pcapng"] = (new() { [0] = 116 }, [], []),
        ["other/ICS-Security-Tools__invokeid12.pcapng"] = (new() { [0] = 33 }, new() { [0x11] = 2 }, new() { [0x0C] = 1, [0x0F] = 1 }),
        ["other/ICS-Security-Tools__wrapup.pcapng"] = (new() { [0] = 45 }, [], []),
        ["profinet/icsnpp-profinet-io-cm__profinet_io_cm_mixed_1.pcap"] = (new() { [0] = 707, [5] = 24 }, new() { [0x11] = 2 }, new() { [0x0C] = 2 }),
    };

    /// <summary>Registered names (name, suffix, group) per capture, from tshark's registration requests.</summary>
    private static readonly Dictionary<string, (string, int, bool)[]> Registrations = new(StringComparer.Ordinal)
    {
        ["ethercat/ethercrab__twincat-akd-nc-mode.pcapng"] = [("COMPUBE", 0, false), ("COMPUBE", 0x20, false), ("WORKGROUP", 0, true)],
        ["profinet/icsnpp-profinet-io-cm__profinet_io_cm_mixed_1.pcap"] = [("KW-VLIPC", 0, false), ("KW-VLIPC", 0x20, false), ("WORKGROUP", 0, true)],
    };

    /// <summary>Host and local master announcements (server, OS major, OS minor, comment), from tshark's browser fields.</summary>
    private static readonly Dictionary<string, (string, int, int, string)[]> Announcements = new(StringComparer.Ordinal)
    {
        ["enip-cip/ICS-Security-Tools__EIP-IPAddressChangeAttempt.pcap"] = [("WIN2K3LAB021", 5, 2, ""), ("WIN2K3LAB022", 5, 2, ""), ("WIN2K3LAB024", 5, 2, "")],
        ["enip-cip/ICS-Security-Tools__EIP-RemoteModeChangeAttempt.pcap"] = [("DBLICENSESERVER", 5, 1, ""), ("WIN2K3LAB024", 5, 2, "")],
        ["other/ICS-Security-Tools__addroute1.pcapng"] = [("TI-VM", 4, 9, "TI-VM server (Samba, Ubuntu)")],
        ["other/ICS-Security-Tools__invokeid12.pcapng"] = [("TI-VM", 4, 9, "TI-VM server (Samba, Ubuntu)")],
    };

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var name in Expected.Keys.Order(StringComparer.Ordinal)) data.Add(name);
        return data;
    }

    [Fact]
    public void Expected_CoversEveryCaptureWithNetBios()
    {
        var with = Directory.GetDirectories(SharedCaptures.PublicRoot!)
            .SelectMany(f => SharedCaptures.Captures(Path.GetFileName(f)!).Select(p => $"{Path.GetFileName(f)}/{Path.GetFileName(p)}"))
            .Where(c => new[] { "nbns", "nbdgm" }.Any(p => NamingTruth.ProtocolFrames(Path.Combine(SharedCaptures.PublicRoot!, c), p) > 0))
            .Order(StringComparer.Ordinal);
        Assert.Equal(with, Expected.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void EventLog_OpcodesTypesAndNames_MatchTshark(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicRoot!, capture);
        using var run = new AnalyzeRunner(path);
        var records = NamingTruth.Records(run.EventsPath, "netbios");
        var (ns, datagram, browser) = Expected[capture];
        Assert.Equal(new SortedDictionary<int, int>(ns), NamingTruth.Functions(records.Where(r => NamingTruth.Text(r, "service") == "ns")));
        Assert.Equal(new SortedDictionary<int, int>(datagram), NamingTruth.Functions(records.Where(r => NamingTruth.Text(r, "service") == "datagram")));
        var commands = new SortedDictionary<int, int>();
        foreach (var r in records)
            if (r.TryGetProperty("browserCommand", out var c)) commands[c.GetInt32()] = commands.GetValueOrDefault(c.GetInt32()) + 1;
        Assert.Equal(new SortedDictionary<int, int>(browser), commands);
        Assert.All(records, r => Assert.Equal(0, r.GetProperty("anomalies").GetArrayLength()));

        var registered = records.Where(r => NamingTruth.Text(r, "service") == "ns" && r.GetProperty("function").GetInt32() == 5)
            .Select(r => (NamingTruth.Text(r, "name")!, r.GetProperty("suffix").GetInt32(), r.GetProperty("group").GetBoolean())).Distinct().Order().ToList();
        Assert.Equal((Registrations.GetValueOrDefault(capture) ?? []).Order(), registered);

        var announced = records.Where(r => r.TryGetProperty("browserCommand", out var c) && c.GetInt32() is 1 or 0x0F)
            .Select(r => (NamingTruth.Text(r, "serverName")!, r.GetProperty("osMajor").GetInt32(), r.GetProperty("osMinor").GetInt32(), NamingTruth.Text(r, "comment")!))
            .Distinct().Order().ToList();
        Assert.Equal((Announcements.GetValueOrDefault(capture) ?? []).Order(), announced);
    }

    [Fact]
    public void EventLog_NodeStatusAnswer_ListsTheNodeNames()
    {
        // tshark -Y "nbns.type==33 && nbns.flags.response==1" -e nbns.netbios_name: SHENHUAJ6-PC, WORKGROUP, SHENHUAJ6-PC.
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicRoot!, "other/ICS-Security-Tools__addroute1.pcapng"));
        var names = NamingTruth.Records(run.EventsPath, "netbios")
            .Where(r => r.TryGetProperty("nodeNames", out _))
            .SelectMany(r => r.GetProperty("nodeNames").EnumerateArray().Select(n => n.GetProperty("name").GetString()))
            .ToList();
        Assert.Equal(["SHENHUAJ6-PC", "WORKGROUP", "SHENHUAJ6-PC"], names);
    }
}
