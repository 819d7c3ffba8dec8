using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Dhcp;
using OtSensor.Protocols.Tests.Naming;

namespace OtSensor.Protocols.Tests.Dhcp;

public sealed class DhcpSessionTests
{
    private static RecordedMessage Decode(byte[] datagram)
    {
        var sink = new RecordingSink();
        new DhcpSession().OnDatagram(datagram, Direction.ToServer, sink);
        return Assert.Single(sink.Messages);
    }

    private static List<(IdentityField Field, string Value, string Source)> Identities(byte[] datagram)
    {
        var sink = new NamingIdentitySink();
        new DhcpSession().OnDatagram(datagram, Direction.ToServer, sink);
        return sink.Identities;
    }

    [Fact]
    public void OnDatagram_Discover_DecodesNamingOptions()
    {
        var m = Decode(DhcpVectors.Discover);
        Assert.Equal((ProtocolId.Dhcp, 1, "Discover", false, 0UL), (m.Protocol, m.Function, m.FunctionName, m.IsResponse, m.Anomalies));
        var d = m.Details;
        Assert.Equal("00:e1:00:00:03:fb", d.GetProperty("chaddr").GetString());
        Assert.Equal(0x3903F326u, d.GetProperty("xid").GetUInt32());
        Assert.True(d.GetProperty("broadcast").GetBoolean());
        Assert.Equal("Compube", d.GetProperty("hostname").GetString());
        Assert.Equal("MSFT 5.0", d.GetProperty("vendorClass").GetString());
        Assert.Equal("1,3,6,15", d.GetProperty("parameterRequestList").GetString());
        Assert.Equal(4, d.GetProperty("parameterCount").GetInt32());
        Assert.Equal("0100e1000003fb", d.GetProperty("clientId").GetString());
        Assert.Equal(5, d.GetProperty("optionCount").GetInt32());
    }

    [Fact]
    public void ReportIdentity_ClientDiscover_NamesHostAndWindows()
    {
        var ids = Identities(DhcpVectors.Discover);
        Assert.Equal(
            [(IdentityField.Hostname, "Compube"), (IdentityField.OperatingSystem, "Windows")],
            ids.Select(i => (i.Field, i.Value)));
        Assert.Equal("dhcp option 12 host name", ids[0].Source);
    }

    [Fact]
    public void OnDatagram_ServerAck_ExposesClientNameAndAddressButNoIdentity()
    {
        var m = Decode(DhcpVectors.AckWithClientName);
        Assert.Equal((5, "ACK", true, 0UL), (m.Function, m.FunctionName, m.IsResponse, m.Anomalies));
        var d = m.Details;
        Assert.Equal("192.168.10.131", d.GetProperty("yiaddr").GetString());
        Assert.Equal("00:e0:62:60:35:d0", d.GetProperty("chaddr").GetString());
        Assert.Equal("KoyoDL405", d.GetProperty("hostname").GetString());
        Assert.Equal("192.168.10.1", d.GetProperty("serverId").GetString());
        Assert.Equal(86400, d.GetProperty("leaseTime").GetInt32());
        // Option 12 in a reply names the client, not the server that sent it.
        Assert.Empty(Identities(DhcpVectors.AckWithClientName));
    }

    [Fact]
    public void OnDatagram_RelayedRequest_DecodesWireFqdnButReportsNoIdentity()
    {
        var m = Decode(DhcpVectors.RelayedRequestWithFqdn);
        Assert.Equal((3, 0UL), (m.Function, m.Anomalies));
        Assert.Equal("plc.site", m.Details.GetProperty("fqdn").GetString());
        Assert.Equal("10.0.0.9", m.Details.GetProperty("requestedIp").GetString());
        Assert.Equal("10.0.0.1", m.Details.GetProperty("giaddr").GetString());
        // The IP sender of a relayed request is the relay agent: the client's name must not be pinned on it.
        Assert.Empty(Identities(DhcpVectors.RelayedRequestWithFqdn));
    }

    [Fact]
    public void ReportIdentity_DirectRequestWithWireFqdn_NamesDottedHost()
    {
        var direct = (byte[])DhcpVectors.RelayedRequestWithFqdn.Clone();
        direct.AsSpan(24, 4).Clear(); // giaddr 0.0.0.0
        Assert.Equal([(IdentityField.Hostname, "plc.site")], Identities(direct).Select(i => (i.Field, i.Value)));
    }

    [Fact]
    public void OnDatagram_PlainBootp_RecordedWithoutMessageType()
    {
        var m = Decode(DhcpVectors.PlainBootp);
        Assert.Equal((-1, (string?)null, 0UL), (m.Function, m.FunctionName, m.Anomalies));
        Assert.True(m.Details.GetProperty("bootp").GetBoolean());
        Assert.Equal("00:00:bc:3e:eb:e4", m.Details.GetProperty("chaddr").GetString());
    }

    [Theory]
    [InlineData("MSFT 98", "Windows")]
    [InlineData("android-dhcp-9", "Android")]
    [InlineData("udhcp 1.30.1", "Linux (BusyBox udhcp)")]
    [InlineData("PXEClient:Arch:00000", "")]
    [InlineData("dhcpcd-6.8.2:Linux", "")]
    public void OperatingSystemOf_VendorClass_MapsOnlyDocumentedPrefixes(string vendorClass, string expected)
        => Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(DhcpMessage.OperatingSystemOf(System.Text.Encoding.ASCII.GetBytes(vendorClass))));

    [Fact]
    public void OnDatagram_SteadyState_AllocatesNothing()
    {
        byte[][] vectors = [DhcpVectors.Discover, DhcpVectors.AckWithClientName, DhcpVectors.RelayedRequestWithFqdn, DhcpVectors.PlainBootp];
        var session = new DhcpSession();
        var sink = new NoOpSink();
        var identities = new NamingIdentitySink(keep: false);
        for (int i = 0; i < 100; i++) Pump();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Pump();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1100L * vectors.Length, sink.Count);

        void Pump()
        {
            foreach (var v in vectors)
            {
                session.OnDatagram(v, Direction.ToServer, sink);
                session.OnDatagram(v, Direction.ToServer, identities);
            }
        }
    }
}
