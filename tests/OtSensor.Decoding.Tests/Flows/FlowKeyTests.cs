using OtSensor.Core.Net;
using OtSensor.Decoding.Flows;
using OtSensor.Decoding.Packets;

namespace OtSensor.Decoding.Tests.Flows;

public class FlowKeyTests
{
    private static IPAddressBytes Ip(string text)
    {
        Assert.True(IPAddressBytes.TryParse(text, out var address));
        return address;
    }

    [Fact]
    public void FromPacket_BothDirections_SameKeyAndHash()
    {
        var request = TestPackets.Tcp("10.0.0.20", 50123, "10.0.0.5", 502, TcpFlags.Ack);
        var response = TestPackets.Tcp("10.0.0.5", 502, "10.0.0.20", 50123, TcpFlags.Ack);

        var a = FlowKey.FromPacket(request, useVlan: true, out bool requestSourceFirst);
        var b = FlowKey.FromPacket(response, useVlan: true, out bool responseSourceFirst);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(requestSourceFirst, responseSourceFirst);
        Assert.Equal(new FlowEndpoint(Ip("10.0.0.5"), 502), a.First);   // 10.0.0.5 sorts lower
    }

    [Fact]
    public void Constructor_SwappedPortsOnSameAddresses_DifferentFlows()
    {
        var a = new FlowKey(Ip("10.0.0.1"), 1000, Ip("10.0.0.2"), 2000, 6);
        var b = new FlowKey(Ip("10.0.0.1"), 2000, Ip("10.0.0.2"), 1000, 6);

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Constructor_DifferentProtocolOrVlan_DifferentFlows()
    {
        var tcp = new FlowKey(Ip("10.0.0.1"), 20000, Ip("10.0.0.2"), 20000, 6);
        var udp = new FlowKey(Ip("10.0.0.1"), 20000, Ip("10.0.0.2"), 20000, 17);
        var vlan7 = new FlowKey(Ip("10.0.0.1"), 20000, Ip("10.0.0.2"), 20000, 6, 7);

        Assert.NotEqual(tcp, udp);
        Assert.NotEqual(tcp, vlan7);
        Assert.True(tcp != vlan7);
    }

    [Fact]
    public void FromPacket_VlanTagged_UsesOuterVlanIdOnlyWhenAsked()
    {
        var packet = TestPackets.Udp("10.0.0.1", 47808, "10.0.0.255", 47808);
        packet.VlanCount = 1;
        packet.VlanTags[0] = 0x2064;                                        // PCP 1, VID 100

        Assert.Equal(100, FlowKey.FromPacket(packet, useVlan: true, out _).VlanId);
        Assert.Equal(0, FlowKey.FromPacket(packet, useVlan: false, out _).VlanId);
    }

    [Fact]
    public void FromPacket_IPv6BothDirections_SameKey()
    {
        var request = TestPackets.Tcp("fe80::1", 40000, "fe80::2", 4840, TcpFlags.Syn);
        var response = TestPackets.Tcp("fe80::2", 4840, "fe80::1", 40000, TcpFlags.Syn | TcpFlags.Ack);

        Assert.Equal(FlowKey.FromPacket(request, true, out _), FlowKey.FromPacket(response, true, out _));
    }

    [Fact]
    public void GetHashCode_ManyIPv4Flows_FewCollisions()
    {
        var hashes = new HashSet<int>();
        for (uint host = 0; host < 256; host++)
        {
            for (ushort port = 49152; port < 49152 + 64; port++)
                hashes.Add(new FlowKey(IPAddressBytes.FromIPv4(0x0A00_0000u | host), port, IPAddressBytes.FromIPv4(0x0A00_0001u), 502, 6).GetHashCode());
        }
        // 16,384 keys that differ in only a few bits: a weak hash would collapse them.
        Assert.True(hashes.Count > 16_300, hashes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
