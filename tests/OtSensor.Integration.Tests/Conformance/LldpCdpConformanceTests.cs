using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Every public capture in which tshark 4.0 decodes LLDP or CDP: one record per frame (tshark's
/// <c>protocol_frames</c>), and the naming TLVs equal tshark's (<c>-Y lldp -e eth.src -e lldp.chassis.id
/// -e lldp.tlv.system.name -e lldp.tlv.system.desc</c>, <c>-Y cdp -e cdp.deviceid -e cdp.platform</c>).
/// </summary>
public sealed class LldpCdpConformanceTests
{
    /// <summary>(sender MAC, system name, system description) of the LLDP senders that name themselves.</summary>
    private static readonly Dictionary<string, (string, string?, string?)[]> LldpNames = new(StringComparer.Ordinal)
    {
        ["other/ICS-Security-Tools__wrapup.pcapng"] = [("74:da:38:a8:83:79", "VJTI-PC3", "Dell Inc. Vostro 3800,,JSJR542")],
        ["other/icsnpp-synchrophasor__c37_pmu_unclean.pcap"] = [("ec:e5:55:ea:39:3e", "MAR-EA392E", "Hirschmann MAR - SW: L2P-09.0.00")],
        ["profinet/icsnpp-profinet-io-cm__profinet_io_cm_mixed_1.pcap"] =
        [
            ("00:0e:8c:ef:75:c9", null, "Siemens AG SIMATIC S7 MULTIPORT SCALANCE X 200 FAM"),
            ("00:0e:8c:ef:75:cd", null, "Siemens AG SIMATIC S7 MULTIPORT SCALANCE X 200 FAM"),
        ],
    };

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var family in Directory.GetDirectories(SharedCaptures.PublicRoot!).Select(Path.GetFileName).Order(StringComparer.Ordinal))
            foreach (var path in SharedCaptures.Captures(family!))
                if (NamingTruth.ProtocolFrames(path, "lldp") + NamingTruth.ProtocolFrames(path, "cdp") > 0)
                    data.Add($"{family}/{Path.GetFileName(path)}");
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void EventLog_OneRecordPerFrame_NamesMatchTshark(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicRoot!, capture);
        using var run = new AnalyzeRunner(path);
        var lldp = NamingTruth.Records(run.EventsPath, "lldp");
        var cdp = NamingTruth.Records(run.EventsPath, "cdp");
        Assert.Equal(NamingTruth.ProtocolFrames(path, "lldp"), lldp.Count);
        Assert.Equal(NamingTruth.ProtocolFrames(path, "cdp"), cdp.Count);
        Assert.All(lldp.Concat(cdp), r => Assert.Equal(0, r.GetProperty("anomalies").GetArrayLength()));

        var named = lldp.Where(r => r.TryGetProperty("systemName", out _) || r.TryGetProperty("systemDescription", out _))
            .Select(r => (NamingTruth.Text(r, "src")!, NamingTruth.Text(r, "systemName"), NamingTruth.Text(r, "systemDescription")))
            .Distinct().Order().ToList();
        if (LldpNames.TryGetValue(capture, out var expected)) Assert.Equal(expected.Order(), named);
        else Assert.Empty(named);

        // Every CDP sender in the public captures is the same Cisco CE500 switch.
        Assert.All(cdp, r => Assert.Equal(("Ns5gt", "cisco WS-CE500-24TT"), (NamingTruth.Text(r, "deviceId"), NamingTruth.Text(r, "platform"))));
    }

    [Fact]
    public void EventLog_ProfinetLldp_ChassisIdIsTheStationName()
    {
        // tshark -Y lldp -e lldp.chassis.subtype -e lldp.chassis.id: subtype 7, "versamax-pns11" and "siemens-x208-switch".
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicRoot!, "profinet/icsnpp-profinet-io-cm__profinet_io_cm_mixed_1.pcap"));
        var stations = NamingTruth.Records(run.EventsPath, "lldp").Where(r => r.TryGetProperty("profinet", out _))
            .Select(r => NamingTruth.Text(r, "chassisId")).Distinct().Order().ToList();
        Assert.Equal(["siemens-x208-switch", "versamax-pns11"], stations);
    }
}
