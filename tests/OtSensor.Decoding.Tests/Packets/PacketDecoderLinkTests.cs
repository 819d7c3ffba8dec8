using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.Decoding.Packets;
using static OtSensor.Decoding.Tests.Packets.PacketVectors;

namespace OtSensor.Decoding.Tests.Packets;

public class PacketDecoderLinkTests
{
    internal static DecodedPacket Decode(byte[] frame, LinkType linkType = LinkType.Ethernet)
    {
        var packet = default(DecodedPacket);
        PacketDecoder.Decode(frame, linkType, ref packet);
        return packet;
    }

    private static void AssertIPv4Udp(in DecodedPacket p, int ipOffset)
    {
        Assert.Equal(DecodeAnomalies.None, p.Anomalies);
        Assert.Equal(NetworkLayer.IPv4, p.Network);
        Assert.Equal(ipOffset, p.NetworkOffset);
        Assert.Equal("10.0.0.1", p.SourceIP.ToString());
        Assert.Equal("10.0.0.2", p.DestinationIP.ToString());
        Assert.Equal(TransportLayer.Udp, p.Transport);
        Assert.Equal(1234, p.SourcePort);
        Assert.Equal(5678, p.DestinationPort);
        Assert.Equal(ipOffset + 20, p.TransportOffset);
        Assert.Equal(ipOffset + 28, p.PayloadOffset);
        Assert.Equal(4, p.PayloadLength);
    }

    [Fact]
    public void Decode_EthernetIPv4Tcp_FillsEveryLayer()
    {
        var p = Decode(EthIPv4Tcp);
        Assert.Equal(DecodeAnomalies.None, p.Anomalies);
        Assert.Equal(LinkType.Ethernet, p.LinkType);
        Assert.Equal(60, p.FrameLength);
        Assert.Equal("00:1d:9c:c8:03:e7", p.DestinationMac.ToString());
        Assert.Equal("00:0c:29:aa:bb:cc", p.SourceMac.ToString());
        Assert.Equal(0x0800, p.EtherType);
        Assert.Equal(0, p.VlanCount);
        Assert.Equal(NetworkLayer.IPv4, p.Network);
        Assert.Equal(14, p.NetworkOffset);
        Assert.Equal("192.168.1.10", p.SourceIP.ToString());
        Assert.Equal("192.168.1.20", p.DestinationIP.ToString());
        Assert.Equal(6, p.IPProtocol);
        Assert.Equal(64, p.Ttl);
        Assert.Equal(1234u, p.IPIdentification);
        Assert.False(p.IsFragment);
        Assert.Equal(34, p.IPPayloadOffset);
        Assert.Equal(24, p.IPPayloadLength); // padding excluded
        Assert.Equal(TransportLayer.Tcp, p.Transport);
        Assert.Equal(34, p.TransportOffset);
        Assert.Equal(49152, p.SourcePort);
        Assert.Equal(502, p.DestinationPort);
        Assert.Equal(1u, p.TcpSequence);
        Assert.Equal(2u, p.TcpAcknowledgment);
        Assert.Equal(TcpFlags.Psh | TcpFlags.Ack, p.TcpFlags);
        Assert.Equal(8192, p.TcpWindow);
        Assert.Equal(54, p.PayloadOffset);
        Assert.Equal(4, p.PayloadLength);
    }

    [Fact]
    public void Decode_ReusedPacket_KeepsTimestampAndFrameNumberAndResetsTheRest()
    {
        var packet = default(DecodedPacket);
        PacketDecoder.Decode(EthIPv4Tcp, LinkType.Ethernet, ref packet);
        packet.Timestamp = Timestamp.FromSeconds(1_700_000_000, 5);
        packet.FrameNumber = 42;
        PacketDecoder.Decode(EthArpRequest, LinkType.Ethernet, ref packet);
        Assert.Equal(Timestamp.FromSeconds(1_700_000_000, 5), packet.Timestamp);
        Assert.Equal(42, packet.FrameNumber);
        Assert.Equal(NetworkLayer.Arp, packet.Network);
        Assert.Equal(TransportLayer.None, packet.Transport);
        Assert.Equal(0, packet.SourcePort);
        Assert.True(packet.SourceIP.IsEmpty);
    }

    [Fact]
    public void Decode_ThreeStackedVlanTags_RecordsEachTci()
    {
        var p = Decode(EthThreeVlanIPv4Udp);
        Assert.Equal(3, p.VlanCount);
        Assert.Equal(0x0064, p.VlanTags[0]);
        Assert.Equal(0xA0C8, p.VlanTags[1]);
        Assert.Equal(0x012C, p.VlanTags[2]);
        Assert.Equal(0x0800, p.EtherType);
        AssertIPv4Udp(p, 26);
    }

    [Fact]
    public void Decode_FourVlanTags_FlagsTooManyVlanTagsAndStops()
    {
        var p = Decode(EthFourVlanIPv4Udp);
        Assert.Equal(DecodeAnomalies.TooManyVlanTags, p.Anomalies);
        Assert.Equal(3, p.VlanCount);
        Assert.Equal(NetworkLayer.None, p.Network);
    }

    [Fact]
    public void Decode_VlanTagCutShort_FlagsLinkHeaderTruncated()
    {
        var p = Decode(EthThreeVlanIPv4Udp[..16]);
        Assert.Equal(DecodeAnomalies.LinkHeaderTruncated, p.Anomalies);
        Assert.Equal(NetworkLayer.None, p.Network);
    }

    [Fact]
    public void Decode_Ieee8023Snap_UsesSnapEtherType()
    {
        var p = Decode(Eth8023SnapIPv4Udp);
        Assert.Equal(0x0800, p.EtherType);
        AssertIPv4Udp(p, 22);
    }

    [Fact]
    public void Decode_Ieee8023PlainLlc_IsOtherNetwork()
    {
        var p = Decode(Eth8023LlcStp);
        Assert.Equal(DecodeAnomalies.None, p.Anomalies);
        Assert.Equal(NetworkLayer.Other, p.Network);
        Assert.Equal(0, p.EtherType);
        Assert.True(p.IsLlc);
        Assert.Equal(0x42, p.LlcDsap);
        Assert.Equal(17, p.NetworkOffset); // after DSAP, SSAP and the one-byte UI control field
        Assert.Equal(4, p.NetworkLength);  // the 802.3 length (38) runs past this cut-short frame: up to its end
    }

    [Fact]
    public void Decode_LlcFrameWithPadding_PayloadStopsAtThe8023Length()
    {
        var p = Decode(With(Eth8023LlcStp, 12, 0x00, 0x05)); // 802.3 length 5: LLC header (3) and 2 octets of data
        Assert.Equal(17, p.NetworkOffset);
        Assert.Equal(2, p.NetworkLength);                    // the 2 octets after them are padding
    }

    [Fact]
    public void Decode_LlcWithTwoByteControlField_PayloadStartsAfterFourBytes()
    {
        var p = Decode(With(Eth8023LlcStp, 16, 0x00)); // I-format control (low bit 0): two bytes
        Assert.True(p.IsLlc);
        Assert.Equal(18, p.NetworkOffset);
    }

    [Fact]
    public void Decode_SnapHeaderCutShort_FlagsLinkHeaderTruncated()
    {
        var p = Decode(Eth8023SnapIPv4Udp[..19]);
        Assert.Equal(DecodeAnomalies.LinkHeaderTruncated, p.Anomalies);
    }

    [Fact]
    public void Decode_UnknownEtherType_IsOtherNetwork()
    {
        var p = Decode(With(EthIPv4Tcp, 12, 0x88, 0x92)); // EtherType PROFINET
        Assert.Equal(DecodeAnomalies.None, p.Anomalies);
        Assert.Equal(0x8892, p.EtherType);
        Assert.Equal(NetworkLayer.Other, p.Network);
        Assert.Equal(14, p.NetworkOffset); // a layer-2 protocol's PDU starts right after the EtherType
        Assert.Equal(p.FrameLength - 14, p.NetworkLength);
        Assert.False(p.IsLlc);
    }

    [Fact]
    public void Decode_UnknownEtherTypeBehindVlanTag_PayloadStartsAfterTheTag()
    {
        var p = Decode(With(EthThreeVlanIPv4Udp, 24, 0x88, 0xB8)); // innermost type becomes GOOSE
        Assert.Equal(0x88B8, p.EtherType);
        Assert.Equal(NetworkLayer.Other, p.Network);
        Assert.Equal(26, p.NetworkOffset);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void Decode_EthernetShorterThanHeader_FlagsFrameTooShort(int length)
    {
        var p = Decode(EthIPv4Tcp[..length]);
        Assert.Equal(DecodeAnomalies.FrameTooShort, p.Anomalies);
        Assert.Equal(NetworkLayer.None, p.Network);
    }

    [Fact]
    public void Decode_Arp_FillsSenderAndTarget()
    {
        var p = Decode(EthArpRequest);
        Assert.Equal(DecodeAnomalies.None, p.Anomalies);
        Assert.Equal(NetworkLayer.Arp, p.Network);
        Assert.Equal(0x0806, p.EtherType);
        Assert.Equal(1, p.ArpOperation);
        Assert.Equal("00:0c:29:aa:bb:cc", p.ArpSenderMac.ToString());
        Assert.Equal("192.168.1.10", p.ArpSenderIP.ToString());
        Assert.True(p.ArpTargetMac.IsZero);
        Assert.Equal("192.168.1.1", p.ArpTargetIP.ToString());
    }

    [Theory]
    [InlineData(20)] // inside the fixed part
    [InlineData(40)] // inside the target IP
    public void Decode_ArpCutShort_FlagsArpTruncated(int length)
    {
        var p = Decode(EthArpRequest[..length]);
        Assert.Equal(DecodeAnomalies.ArpTruncated, p.Anomalies);
        Assert.True(p.ArpTargetIP.IsEmpty);
    }

    [Fact]
    public void Decode_LinuxSll_ReadsSourceMacAndProtocol()
    {
        var p = Decode(SllIPv4Udp, LinkType.LinuxSll);
        Assert.Equal("00:0c:29:aa:bb:cc", p.SourceMac.ToString());
        Assert.True(p.DestinationMac.IsZero);
        Assert.Equal(0x0800, p.EtherType);
        AssertIPv4Udp(p, 16);
    }

    [Fact]
    public void Decode_LinuxSllTooShort_FlagsFrameTooShort()
        => Assert.Equal(DecodeAnomalies.FrameTooShort, Decode(SllIPv4Udp[..15], LinkType.LinuxSll).Anomalies);

    [Fact]
    public void Decode_LinuxSllWithLlcProtocol_DecodesLlc()
    {
        byte[] frame =
        [
            0x00, 0x00, 0x00, 0x01, 0x00, 0x06, // packet type, ARPHRD_ETHER, address length 6
            0x00, 0x0C, 0x29, 0xAA, 0xBB, 0xCC, 0x00, 0x00, // address
            0x00, 0x04,                         // protocol 0x0004: 802.2 LLC frame follows
            0x42, 0x42, 0x03,                   // LLC STP SAPs, UI
        ];
        var p = Decode(frame, LinkType.LinuxSll);
        Assert.Equal(DecodeAnomalies.None, p.Anomalies);
        Assert.Equal(NetworkLayer.Other, p.Network);
    }

    [Fact]
    public void Decode_LinuxSll2_ReadsSourceMacAndProtocol()
    {
        var p = Decode(Sll2IPv4Udp, LinkType.LinuxSll2);
        Assert.Equal("00:0c:29:aa:bb:cc", p.SourceMac.ToString());
        AssertIPv4Udp(p, 20);
    }

    [Fact]
    public void Decode_LinuxSll2TooShort_FlagsFrameTooShort()
        => Assert.Equal(DecodeAnomalies.FrameTooShort, Decode(Sll2IPv4Udp[..19], LinkType.LinuxSll2).Anomalies);

    [Fact]
    public void Decode_NullLoopbackLittleEndian_DecodesIPv4()
        => AssertIPv4Udp(Decode(NullLittleEndianIPv4Udp, LinkType.Null), 4);

    [Fact]
    public void Decode_NullLoopbackBigEndianIPv6_DecodesIPv6()
    {
        var p = Decode(NullBigEndianIPv6Tcp, LinkType.Null);
        Assert.Equal(DecodeAnomalies.None, p.Anomalies);
        Assert.Equal(NetworkLayer.IPv6, p.Network);
        Assert.Equal(4, p.NetworkOffset);
        Assert.Equal(TransportLayer.Tcp, p.Transport);
    }

    [Fact]
    public void Decode_NullLoopbackUnknownFamily_IsOtherNetwork()
    {
        var p = Decode(With(NullLittleEndianIPv4Udp, 0, 0x07), LinkType.Null); // AF 7 (not IP)
        Assert.Equal(NetworkLayer.Other, p.Network);
        Assert.Equal(DecodeAnomalies.None, p.Anomalies);
    }

    [Fact]
    public void Decode_LoopLinkType_ReadsBigEndianFamily()
    {
        var p = Decode(LoopIPv6Tcp, LinkType.Loop);
        Assert.Equal(NetworkLayer.IPv6, p.Network);
        Assert.Equal(20000, p.DestinationPort);
    }

    [Fact]
    public void Decode_LoopbackShorterThanFamily_FlagsFrameTooShort()
        => Assert.Equal(DecodeAnomalies.FrameTooShort, Decode([0x02, 0x00], LinkType.Null).Anomalies);

    [Fact]
    public void Decode_RawIPv4AndIPv6_UsesVersionNibble()
    {
        AssertIPv4Udp(Decode(IPv4Udp, LinkType.Raw), 0);
        Assert.Equal(NetworkLayer.IPv6, Decode(IPv6ExtensionsTcp, LinkType.Raw).Network);
        Assert.Equal(NetworkLayer.Other, Decode([0x50, 0x00], LinkType.Raw).Network);
        Assert.Equal(DecodeAnomalies.FrameTooShort, Decode([], LinkType.Raw).Anomalies);
    }

    [Fact]
    public void Decode_IPv4AndIPv6LinkTypes_DecodeFromOffsetZero()
    {
        AssertIPv4Udp(Decode(IPv4Udp, LinkType.IPv4), 0);
        Assert.Equal(DecodeAnomalies.IPv4BadVersion, Decode(IPv6ExtensionsTcp, LinkType.IPv4).Anomalies);
        Assert.Equal(NetworkLayer.IPv6, Decode(IPv6ExtensionsTcp, LinkType.IPv6).Network);
        Assert.Equal(DecodeAnomalies.IPv6BadVersion, Decode([.. IPv4Udp, .. new byte[20]], LinkType.IPv6).Anomalies);
    }

    [Fact]
    public void Decode_UnknownLinkType_FlagsUnknownLinkType()
        => Assert.Equal(DecodeAnomalies.UnknownLinkType, Decode(EthIPv4Tcp, (LinkType)195).Anomalies);

    [Fact]
    public void Decode_EveryPrefixOfEveryVector_NeverThrows()
    {
        byte[][] vectors = [EthIPv4Tcp, EthIPv4OptionsUdp, EthArpRequest, Eth8023LlcStp, Eth8023SnapIPv4Udp, EthThreeVlanIPv4Udp, EthFourVlanIPv4Udp];
        LinkType[] linkTypes = [LinkType.Ethernet, LinkType.LinuxSll, LinkType.LinuxSll2, LinkType.Null, LinkType.Loop, LinkType.Raw, LinkType.IPv4, LinkType.IPv6];
        var packet = default(DecodedPacket);
        foreach (var vector in vectors)
        {
            foreach (var linkType in linkTypes)
            {
                for (int length = 0; length <= vector.Length; length++)
                {
                    PacketDecoder.Decode(vector.AsSpan(0, length), linkType, ref packet);
                    Assert.InRange(packet.PayloadOffset + packet.PayloadLength, 0, length);
                    Assert.InRange(packet.IPPayloadOffset + packet.IPPayloadLength, 0, length);
                }
            }
        }
    }

    [Fact]
    public void Decode_EveryVectorAndLinkType_AllocatesNothing()
    {
        byte[][] vectors = [EthIPv4Tcp, EthIPv4OptionsUdp, EthArpRequest, Eth8023SnapIPv4Udp, EthThreeVlanIPv4Udp, SllIPv4Udp, IPv6ExtensionsTcp, IPv4IcmpPortUnreachable];
        LinkType[] linkTypes = [LinkType.Ethernet, LinkType.LinuxSll, LinkType.LinuxSll2, LinkType.Null, LinkType.Raw, LinkType.IPv6];
        var packet = default(DecodedPacket);
        foreach (var v in vectors) PacketDecoder.Decode(v, LinkType.Ethernet, ref packet); // JIT warm-up
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 0; round < 100; round++)
        {
            foreach (var vector in vectors)
            {
                foreach (var linkType in linkTypes) PacketDecoder.Decode(vector, linkType, ref packet);
            }
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
