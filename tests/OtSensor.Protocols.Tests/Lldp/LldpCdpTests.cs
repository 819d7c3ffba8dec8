using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Cdp;
using OtSensor.Protocols.Lldp;
using OtSensor.Protocols.Tests.Naming;

namespace OtSensor.Protocols.Tests.Lldp;

public sealed class LldpCdpTests
{
    private static readonly MacAddress Source = new(0x0009_9143_E068);
    private static readonly MacAddress Multicast = new(0x0180_C200_000E);

    private static RecordedMessage Lldp(byte[] payload)
    {
        var sink = new RecordingSink();
        new LldpSession().OnFrame(payload, Source, Multicast, sink);
        return Assert.Single(sink.Messages);
    }

    private static RecordedMessage Cdp(byte[] payload)
    {
        var sink = new RecordingSink();
        new CdpSession().OnFrame(payload, Source, Multicast, sink);
        return Assert.Single(sink.Messages);
    }

    private static List<(IdentityField, string)> Identities(byte[] payload, SessionKind kind)
    {
        var sink = new NamingIdentitySink();
        if (kind == SessionKind.Lldp) new LldpSession().OnFrame(payload, Source, Multicast, sink);
        else new CdpSession().OnFrame(payload, Source, Multicast, sink);
        return [.. sink.Identities.Select(i => (i.Field, i.Value))];
    }

    public enum SessionKind { Lldp, Cdp }

    [Fact]
    public void OnFrame_ProfinetLldp_DecodesTlvs()
    {
        var m = Lldp(LldpVectors.ProfinetLldp);
        Assert.Equal((ProtocolId.Lldp, -1, 0UL), (m.Protocol, m.Function, m.Anomalies));
        var d = m.Details;
        Assert.Equal(("versamax-pns11", "port-001", 20), (d.GetProperty("chassisId").GetString(), d.GetProperty("portId").GetString(), d.GetProperty("ttl").GetInt32()));
        Assert.Equal(("VERSAMAX", "GE IC695PNS"), (d.GetProperty("systemName").GetString(), d.GetProperty("systemDescription").GetString()));
        Assert.Equal(("bridge,stationOnly", "bridge"), (d.GetProperty("capabilities").GetString(), d.GetProperty("enabledCapabilities").GetString()));
        Assert.Equal(("192.168.1.2", "00:09:91:43:e0:68"), (d.GetProperty("managementAddress").GetString(), d.GetProperty("profinetChassisMac").GetString()));
    }

    [Fact]
    public void ReportIdentity_ProfinetLldp_HostDescriptionAndStationName()
        => Assert.Equal(
            [(IdentityField.Hostname, "VERSAMAX"), (IdentityField.Description, "GE IC695PNS"), (IdentityField.Name, "versamax-pns11")],
            Identities(LldpVectors.ProfinetLldp, SessionKind.Lldp));

    [Fact]
    public void OnFrame_Cdp_DecodesTlvs()
    {
        var m = Cdp(LldpVectors.Cdp);
        Assert.Equal((ProtocolId.Cdp, -1, 0UL), (m.Protocol, m.Function, m.Anomalies));
        var d = m.Details;
        Assert.Equal(("Ns5gt", "GigabitEthernet1", "cisco WS-CE500-24TT"), (d.GetProperty("deviceId").GetString(), d.GetProperty("portId").GetString(), d.GetProperty("platform").GetString()));
        Assert.Equal(("switch,igmp", 3), (d.GetProperty("capabilities").GetString(), d.GetProperty("nativeVlan").GetInt32()));
        Assert.Equal(["192.168.10.253"], d.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()!));
    }

    [Fact]
    public void ReportIdentity_Cdp_HostModelAndFirstSoftwareLine()
        => Assert.Equal(
            [(IdentityField.Hostname, "Ns5gt"), (IdentityField.Model, "cisco WS-CE500-24TT"), (IdentityField.OperatingSystem, "Cisco IOS 12.2")],
            Identities(LldpVectors.Cdp, SessionKind.Cdp));

    [Fact]
    public void OnFrame_SnapWithOtherPid_IgnoredSilently()
    {
        var sink = new RecordingSink();
        byte[] vtp = [0x00, 0x00, 0x0C, 0x20, 0x03, 0x01, 0x02];
        new CdpSession().OnFrame(vtp, Source, Multicast, sink);
        Assert.Empty(sink.Messages);
        Assert.Empty(sink.StreamAnomalies);
    }

    [Fact]
    public void OnFrame_LldpMissingMandatoryAndLyingLength_Flagged()
    {
        Assert.Equal(["missing_mandatory"], Lldp([0x0A, 0x01, (byte)'x', 0x00, 0x00]).AnomalyNames);
        var lying = (byte[])LldpVectors.ProfinetLldp.Clone();
        lying[28] = 0x7F; // system description length 127, past the frame
        Assert.Contains("tlv_truncated", Lldp(lying).AnomalyNames);
        Assert.Equal(["missing_mandatory", "missing_end"], Lldp([]).AnomalyNames);
        Assert.Contains("bad_tlv_length", Lldp([0x02, 0x01, 0x04, 0x04, 0x02, 0x07, 0x41, 0x06, 0x01, 0x00, 0x00, 0x00]).AnomalyNames);
    }

    [Fact]
    public void OnFrame_CdpLyingLengths_Flagged()
    {
        var lying = (byte[])LldpVectors.Cdp.Clone();
        lying[12] = 0x40; // device ID length 64
        Assert.Equal(["bad_tlv_length"], Cdp(lying).AnomalyNames);
        var badAddress = (byte[])LldpVectors.Cdp.Clone();
        badAddress[25] = 0x05; // first address count 1 → 5
        Assert.Equal(["bad_address"], Cdp(badAddress).AnomalyNames);
        Assert.Equal(["truncated"], Cdp([0x00, 0x00, 0x0C, 0x20, 0x00, 0x02]).AnomalyNames);
    }

    [Fact]
    public void OnFrame_TruncatedAndRandom_NeverThrow()
    {
        var sink = new RecordingSink();
        var identities = new NamingIdentitySink();
        var lldp = new LldpSession();
        var cdp = new CdpSession();
        for (int n = 0; n <= LldpVectors.ProfinetLldp.Length; n++) lldp.OnFrame(LldpVectors.ProfinetLldp.AsSpan(0, n), Source, Multicast, sink);
        for (int n = 0; n <= LldpVectors.Cdp.Length; n++) cdp.OnFrame(LldpVectors.Cdp.AsSpan(0, n), Source, Multicast, sink);
        var random = new Random(8021);
        for (int i = 0; i < 4000; i++)
        {
            var v = (byte[])(i % 2 == 0 ? LldpVectors.ProfinetLldp : LldpVectors.Cdp).Clone();
            for (int k = 0; k < 3; k++) v[random.Next(i % 2 == 0 ? 0 : 5, v.Length)] = (byte)random.Next(256);
            if (i % 2 == 0) { lldp.OnFrame(v, Source, Multicast, sink); lldp.OnFrame(v, Source, Multicast, identities); }
            else { cdp.OnFrame(v, Source, Multicast, sink); cdp.OnFrame(v, Source, Multicast, identities); }
        }
        Assert.NotEmpty(sink.Messages);
    }

    [Fact]
    public void OnFrame_SteadyState_AllocatesNothing()
    {
        var lldp = new LldpSession();
        var cdp = new CdpSession();
        var sink = new NoOpSink();
        var identities = new NamingIdentitySink(keep: false);
        for (int i = 0; i < 100; i++) Pump();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Pump();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        void Pump()
        {
            lldp.OnFrame(LldpVectors.ProfinetLldp, Source, Multicast, sink);
            lldp.OnFrame(LldpVectors.ProfinetLldp, Source, Multicast, identities);
            cdp.OnFrame(LldpVectors.Cdp, Source, Multicast, sink);
            cdp.OnFrame(LldpVectors.Cdp, Source, Multicast, identities);
        }
    }
}
