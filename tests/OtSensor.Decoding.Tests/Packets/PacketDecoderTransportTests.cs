using OtSensor.Core.Net;
using OtSensor.Decoding.Packets;
using static OtSensor.Decoding.Tests.Packets.PacketDecoderLinkTests;
using static OtSensor.Decoding.Tests.Packets.PacketVectors;

namespace OtSensor.Decoding.Tests.Packets;

public class PacketDecoderTransportTests
{
    // Offsets inside EthIPv4Tcp: TCP header at 34. Inside IPv4Udp: UDP header at 20.
    private const int Tcp = 34;
    private const int Udp = 20;

    [Theory]
    [InlineData(0x40)] // data offset 4 (16 bytes) < 20
    [InlineData(0x70)] // data offset 7 (28 bytes) > 24-byte segment
    [InlineData(0xF0)] // data offset 15 (60 bytes)
    public void Decode_TcpBadDataOffset_FlagsAndGivesNoPayload(byte dataOffset)
    {
        var p = Decode(With(EthIPv4Tcp, Tcp + 12, dataOffset));
        Assert.Equal(DecodeAnomalies.TcpBadDataOffset, p.Anomalies);
        Assert.Equal(TransportLayer.Tcp, p.Transport);
        Assert.Equal(502, p.DestinationPort);
        Assert.Equal(0, p.PayloadLength);
    }

    [Fact]
    public void Decode_TcpWithOptions_SkipsThem()
    {
        // Data offset 6: the first 4 payload bytes become an option area (content not parsed).
        var p = Decode(With(EthIPv4Tcp, Tcp + 12, 0x60));
        Assert.Equal(DecodeAnomalies.None, p.Anomalies);
        Assert.Equal(58, p.PayloadOffset);
        Assert.Equal(0, p.PayloadLength);
    }

    [Theory]
    [InlineData((byte)0x03)] // SYN|FIN
    [InlineData((byte)0x06)] // SYN|RST
    [InlineData((byte)0x00)] // no flags (null scan)
    public void Decode_TcpIllegalFlagCombination_FlagsBadFlags(byte flags)
    {
        var p = Decode(With(EthIPv4Tcp, Tcp + 13, flags));
        Assert.Equal(DecodeAnomalies.TcpBadFlags, p.Anomalies);
        Assert.Equal(TransportLayer.Tcp, p.Transport);
        Assert.Equal(4, p.PayloadLength);
    }

    [Fact]
    public void Decode_TcpHeaderCutShort_FlagsTruncatedAndLeavesTransportNone()
    {
        // Total length shrunk to 20 + 19 so the frame is consistent and only TCP is short.
        var p = Decode(With(EthIPv4Tcp, 16, 0x00, 0x27));
        Assert.True(p.Anomalies.HasFlag(DecodeAnomalies.TcpHeaderTruncated));
        Assert.Equal(TransportLayer.None, p.Transport);
        Assert.Equal(6, p.IPProtocol);
    }

    [Fact]
    public void Decode_TcpZeroPort_FlagsZeroPort()
        => Assert.Equal(DecodeAnomalies.ZeroPort, Decode(With(EthIPv4Tcp, Tcp, 0x00, 0x00)).Anomalies);

    [Theory]
    [InlineData((byte)0x04)] // UDP length 4 < 8
    [InlineData((byte)0x40)] // UDP length 64 > 12 bytes present
    public void Decode_UdpBadLength_FlagsAndClipsPayloadToAvailable(byte length)
    {
        var p = Decode(With(IPv4Udp, Udp + 4, 0x00, length), LinkType.Raw);
        Assert.Equal(DecodeAnomalies.UdpBadLength, p.Anomalies);
        Assert.Equal(TransportLayer.Udp, p.Transport);
        Assert.Equal(28, p.PayloadOffset);
        Assert.Equal(4, p.PayloadLength);
    }

    [Fact]
    public void Decode_UdpLengthShorterThanIPPayload_UsesUdpLength()
    {
        var p = Decode(With(IPv4Udp, Udp + 4, 0x00, 0x0A), LinkType.Raw); // 10: 2 data bytes
        Assert.Equal(DecodeAnomalies.None, p.Anomalies);
        Assert.Equal(2, p.PayloadLength);
    }

    [Fact]
    public void Decode_UdpHeaderCutShort_FlagsTruncated()
    {
        var p = Decode(With(IPv4Udp, 2, 0x00, 0x1B)[..27], LinkType.Raw); // total length 27: 7 bytes of UDP
        Assert.True(p.Anomalies.HasFlag(DecodeAnomalies.UdpHeaderTruncated));
        Assert.Equal(TransportLayer.None, p.Transport);
    }

    [Fact]
    public void Decode_IcmpEcho_ReadsTypeAndCode()
    {
        var p = Decode(IPv4IcmpEcho, LinkType.Raw);
        Assert.Equal(DecodeAnomalies.None, p.Anomalies);
        Assert.Equal(TransportLayer.Icmp, p.Transport);
        Assert.Equal(8, p.IcmpType);
        Assert.Equal(0, p.IcmpCode);
        Assert.Equal(28, p.PayloadOffset);
        Assert.Equal(4, p.PayloadLength);
    }

    [Fact]
    public void Decode_IcmpPortUnreachable_DoesNotDecodeTheQuotedDatagram()
    {
        var p = Decode(IPv4IcmpPortUnreachable, LinkType.Raw);
        Assert.Equal(DecodeAnomalies.None, p.Anomalies);
        Assert.Equal(TransportLayer.Icmp, p.Transport);
        Assert.Equal(3, p.IcmpType);
        Assert.Equal(3, p.IcmpCode);
        Assert.Equal(0, p.SourcePort);
        Assert.Equal("10.0.0.2", p.SourceIP.ToString());
    }

    [Fact]
    public void Decode_IcmpCutShort_FlagsTruncated()
    {
        var p = Decode(With(IPv4IcmpEcho, 2, 0x00, 0x17)[..23], LinkType.Raw); // 3 bytes of ICMP
        Assert.True(p.Anomalies.HasFlag(DecodeAnomalies.IcmpTruncated));
        Assert.Equal(TransportLayer.None, p.Transport);
    }

    [Fact]
    public void Decode_IcmpV6NeighborSolicitation_ReadsTypeAndCode()
    {
        var p = Decode(IPv6IcmpV6NeighborSolicitation, LinkType.IPv6);
        Assert.Equal(DecodeAnomalies.None, p.Anomalies);
        Assert.Equal(TransportLayer.IcmpV6, p.Transport);
        Assert.Equal(135, p.IcmpType);
        Assert.Equal(255, p.Ttl);
    }

    [Fact]
    public void Decode_OtherIPProtocol_IsRecordedByNumber()
    {
        var p = Decode(With(IPv4Udp, 9, 0x02, 0x66, 0xD8), LinkType.Raw); // IGMP (checksum adjusted)
        Assert.Equal(TransportLayer.Other, p.Transport);
        Assert.Equal(2, p.IPProtocol);
        Assert.Equal(20, p.TransportOffset);
    }

    [Fact]
    public void DecodeTransport_ReassembledPayload_UsesPayloadRelativeOffsets()
    {
        var packet = default(DecodedPacket);
        PacketDecoder.Decode(IPv4FirstFragment, LinkType.Raw, ref packet);
        byte[] payload =
        [
            0x04, 0xD2, 0x16, 0x2E,             // UDP ports 1234 → 5678
            0x00, 0x0C, 0x00, 0x00,             // UDP length 12, checksum
            0x01, 0x02, 0x03, 0x04,             // data
        ];
        PacketDecoder.DecodeTransport(payload, ref packet);
        Assert.False(packet.IsFragment);
        Assert.Equal(TransportLayer.Udp, packet.Transport);
        Assert.Equal(0, packet.TransportOffset);
        Assert.Equal(8, packet.PayloadOffset);
        Assert.Equal(4, packet.PayloadLength);
        Assert.Equal(12, packet.IPPayloadLength);
        Assert.Equal("10.0.0.1", packet.SourceIP.ToString());
    }
}
