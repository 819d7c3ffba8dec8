using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.NetBios;
using OtSensor.Protocols.Tests.Naming;

namespace OtSensor.Protocols.Tests.NetBios;

public sealed class NetBiosSessionTests
{
    internal static RecordedMessage Decode(byte[] datagram, bool datagramService = false)
    {
        var sink = new RecordingSink();
        new NetBiosSession(datagramService).OnDatagram(datagram, Direction.ToServer, sink);
        return Assert.Single(sink.Messages);
    }

    private static List<(IdentityField, string)> Identities(byte[] datagram, bool datagramService = false)
    {
        var sink = new NamingIdentitySink();
        new NetBiosSession(datagramService).OnDatagram(datagram, Direction.ToServer, sink);
        return [.. sink.Identities.Select(i => (i.Field, i.Value))];
    }

    [Fact]
    public void OnDatagram_Registration_DecodesNameAndAddress()
    {
        var m = Decode(NetBiosVectors.Registration);
        Assert.Equal((ProtocolId.NetBios, 5, "Registration", false, 0UL), (m.Protocol, m.Function, m.FunctionName, m.IsResponse, m.Anomalies));
        var d = m.Details;
        Assert.Equal(("ns", "KW-VLIPC", 0, false, "10.1.1.5"),
            (d.GetProperty("service").GetString(), d.GetProperty("name").GetString(), d.GetProperty("suffix").GetInt32(), d.GetProperty("group").GetBoolean(), d.GetProperty("address").GetString()));
        Assert.True(d.GetProperty("broadcast").GetBoolean());
    }

    [Fact]
    public void ReportIdentity_UniqueRegistration_NamesSender()
        => Assert.Equal([(IdentityField.Hostname, "KW-VLIPC")], Identities(NetBiosVectors.Registration));

    [Fact]
    public void ReportIdentity_GroupRegistration_NotAHostName()
    {
        var group = (byte[])NetBiosVectors.Registration.Clone();
        group[^6] = 0x80; // NB_FLAGS G bit
        Assert.Empty(Identities(group));
    }

    [Fact]
    public void OnDatagram_NodeStatus_ListsNamesAndUnitId()
    {
        var m = Decode(NetBiosVectors.NodeStatusResponse);
        Assert.Equal((0, true, 0UL), (m.Function, m.IsResponse, m.Anomalies));
        var names = m.Details.GetProperty("nodeNames");
        Assert.Equal([("SHENHUAJ6-PC", false), ("WORKGROUP", true)], names.EnumerateArray().Select(n => (n.GetProperty("name").GetString()!, n.GetProperty("group").GetBoolean())));
        Assert.Equal("00:0c:29:aa:bb:cc", m.Details.GetProperty("unitId").GetString());
        Assert.Equal([(IdentityField.Hostname, "SHENHUAJ6-PC")], Identities(NetBiosVectors.NodeStatusResponse));
    }

    [Fact]
    public void OnDatagram_HostAnnouncement_DecodesBrowserFrame()
    {
        var m = Decode(NetBiosVectors.HostAnnouncement, datagramService: true);
        Assert.Equal((0x11, "Direct_group datagram", false, 0UL), (m.Function, m.FunctionName, m.IsResponse, m.Anomalies));
        var d = m.Details;
        Assert.Equal(("WIN2K3LAB021", 0, "WORKGROUP", 0x1D), (d.GetProperty("sourceName").GetString(), d.GetProperty("sourceSuffix").GetInt32(), d.GetProperty("destinationName").GetString(), d.GetProperty("destinationSuffix").GetInt32()));
        Assert.Equal(("Host Announcement", "WIN2K3LAB021", 5, 2, "Lab PC"),
            (d.GetProperty("browserCommandName").GetString(), d.GetProperty("serverName").GetString(), d.GetProperty("osMajor").GetInt32(), d.GetProperty("osMinor").GetInt32(), d.GetProperty("comment").GetString()));
        Assert.Equal("192.168.10.21", d.GetProperty("sourceIp").GetString());
    }

    [Fact]
    public void ReportIdentity_HostAnnouncement_NameOsAndComment()
        => Assert.Equal(
            [(IdentityField.Hostname, "WIN2K3LAB021"), (IdentityField.OperatingSystem, "SMB browser OS version 5.2"), (IdentityField.Description, "Lab PC")],
            Identities(NetBiosVectors.HostAnnouncement, datagramService: true));

    [Fact]
    public void OnDatagram_SteadyState_AllocatesNothing()
    {
        var ns = new NetBiosSession(false);
        var dgm = new NetBiosSession(true);
        var sink = new NoOpSink();
        var identities = new NamingIdentitySink(keep: false);
        for (int i = 0; i < 100; i++) Pump();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Pump();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        void Pump()
        {
            ns.OnDatagram(NetBiosVectors.Registration, Direction.ToServer, sink);
            ns.OnDatagram(NetBiosVectors.NodeStatusResponse, Direction.ToClient, identities);
            ns.OnDatagram(NetBiosVectors.Registration, Direction.ToServer, identities);
            dgm.OnDatagram(NetBiosVectors.HostAnnouncement, Direction.ToServer, sink);
            dgm.OnDatagram(NetBiosVectors.HostAnnouncement, Direction.ToServer, identities);
        }
    }
}
