using OtSensor.Core.Net;
using OtSensor.Decoding.Packets;
using static OtSensor.Decoding.Tests.Packets.PacketDecoderLinkTests;
using static OtSensor.Decoding.Tests.Packets.PacketVectors;

namespace OtSensor.Decoding.Tests.Packets;

public class PacketDecoderIPTests
{
    // Offsets inside EthIPv4Tcp: IPv4 header at 14, TCP at 34.
    private const int Ip = 14;

    [Fact]
    public void Decode_IPv4WithRouterAlertOption_WalksOptionsWithoutAnomaly()
    {
        var p = Decode(EthIPv4OptionsUdp);
        Assert.Equal(DecodeAnomalies.None, p.Anomalies);
        Assert.Equal(38, p.IPPayloadOffset);
        Assert.Equal(12, p.IPPayloadLength);
        Assert.Equal(128, p.Ttl);
        Assert.Equal(TransportLayer.Udp, p.Transport);
        Assert.Equal(47808, p.DestinationPort);
        Assert.Equal(46, p.PayloadOffset);
        Assert.Equal(4, p.PayloadLength);
    }

    [Theory]
    [InlineData(new byte[] { 0x94, 0x01, 0x00, 0x00 })] // length 1 < 2
    [InlineData(new byte[] { 0x94, 0x08, 0x00, 0x00 })] // length 8 runs past the 4-byte options area
    [InlineData(new byte[] { 0x01, 0x01, 0x01, 0x44 })] // NOPs, then a type with no room for its length octet
    public void Decode_IPv4BadOptionLength_FlagsBadOptionsAndKeepsDecoding(byte[] options)
    {
        var p = Decode(With(EthIPv4OptionsUdp, 34, options));
        Assert.True(p.Anomalies.HasFlag(DecodeAnomalies.IPv4BadOptions));
        Assert.Equal(TransportLayer.Udp, p.Transport);
    }

    [Fact]
    public void Decode_IPv4OptionsEndOfListThenGarbage_IsValid()
    {
        // EOL at the first octet: the rest is padding whatever its value (checksum then differs).
        var p = Decode(With(EthIPv4OptionsUdp, 34, 0x00, 0xFF, 0x00, 0x00));
        Assert.False(p.Anomalies.HasFlag(DecodeAnomalies.IPv4BadOptions));
    }

    [Fact]
    public void Decode_IPv4BadChecksum_FlagsAndKeepsDecoding()
    {
        var p = Decode(With(EthIPv4Tcp, Ip + 10, 0x00, 0x00));
        Assert.Equal(DecodeAnomalies.IPv4BadChecksum, p.Anomalies);
        Assert.Equal(TransportLayer.Tcp, p.Transport);
    }

    [Theory]
    [InlineData(0x44)] // IHL 4 (16 bytes)
    [InlineData(0x40)] // IHL 0
    public void Decode_IPv4HeaderLengthBelowFive_FlagsBadHeaderLengthAndStops(byte versionIhl)
    {
        var p = Decode(With(EthIPv4Tcp, Ip, versionIhl));
        Assert.True(p.Anomalies.HasFlag(DecodeAnomalies.IPv4BadHeaderLength));
        Assert.Equal(NetworkLayer.IPv4, p.Network);
        Assert.Equal(TransportLayer.None, p.Transport);
    }

    [Fact]
    public void Decode_IPv4HeaderLengthPastFrame_FlagsHeaderTruncated()
    {
        var p = Decode(With(EthIPv4Tcp, Ip, 0x4F)[..50]); // IHL 15 = 60 bytes, 36 present
        Assert.True(p.Anomalies.HasFlag(DecodeAnomalies.IPv4HeaderTruncated));
        Assert.Equal(TransportLayer.None, p.Transport);
    }

    [Fact]
    public void Decode_IPv4BadVersion_FlagsAndLeavesNetworkNone()
    {
        var p = Decode(With(EthIPv4Tcp, Ip, 0x55));
        Assert.Equal(DecodeAnomalies.IPv4BadVersion, p.Anomalies);
        Assert.Equal(NetworkLayer.None, p.Network);
    }

    [Fact]
    public void Decode_IPv4TotalLengthLargerThanFrame_FlagsAndClipsPayload()
    {
        var p = Decode(With(EthIPv4Tcp, Ip + 2, 0x01, 0x00)); // claims 256 bytes, 46 present
        Assert.True(p.Anomalies.HasFlag(DecodeAnomalies.IPv4TotalLengthTooLarge));
        Assert.Equal(26, p.IPPayloadLength);
        Assert.Equal(TransportLayer.Tcp, p.Transport);
        Assert.Equal(6, p.PayloadLength); // the 4 data bytes plus the 2 padding bytes now inside the claimed datagram
    }

    [Fact]
    public void Decode_IPv4TotalLengthSmallerThanHeader_FlagsAndStops()
    {
        var p = Decode(With(EthIPv4Tcp, Ip + 2, 0x00, 0x10)); // 16 < 20
        Assert.True(p.Anomalies.HasFlag(DecodeAnomalies.IPv4TotalLengthTooSmall));
        Assert.Equal(TransportLayer.None, p.Transport);
    }

    [Fact]
    public void Decode_IPv4TotalLengthZero_TreatedAsSegmentationOffload()
    {
        var p = Decode(With(EthIPv4Tcp, Ip + 2, 0x00, 0x00));
        Assert.False(p.Anomalies.HasFlag(DecodeAnomalies.IPv4TotalLengthTooSmall));
        Assert.Equal(26, p.IPPayloadLength);
        Assert.Equal(TransportLayer.Tcp, p.Transport);
    }

    [Theory]
    [InlineData(14)] // nothing after the Ethernet header
    [InlineData(33)] // one byte short of the fixed header
    public void Decode_IPv4CutShort_FlagsHeaderTruncated(int length)
    {
        var p = Decode(EthIPv4Tcp[..length]);
        Assert.Equal(DecodeAnomalies.IPv4HeaderTruncated, p.Anomalies);
        Assert.Equal(NetworkLayer.None, p.Network);
    }

    [Fact]
    public void Decode_IPv4MulticastSource_FlagsSourceAddressMulticast()
    {
        var p = Decode(With(IPv4Udp, 12, 0xE0, 0x00, 0x00, 0x01), LinkType.Raw);
        Assert.True(p.Anomalies.HasFlag(DecodeAnomalies.SourceAddressMulticast));
    }

    [Fact]
    public void Decode_IPv4FirstFragment_SetsFragmentFieldsAndSkipsTransport()
    {
        var p = Decode(IPv4FirstFragment, LinkType.Raw);
        Assert.Equal(DecodeAnomalies.None, p.Anomalies);
        Assert.True(p.IsFragment);
        Assert.True(p.MoreFragments);
        Assert.Equal(0, p.FragmentOffset);
        Assert.Equal(7u, p.IPIdentification);
        Assert.Equal(17, p.IPProtocol);
        Assert.Equal(20, p.IPPayloadOffset);
        Assert.Equal(8, p.IPPayloadLength);
        Assert.Equal(TransportLayer.None, p.Transport);
    }

    [Fact]
    public void Decode_IPv4LastFragment_ReportsOffsetInBytes()
    {
        // flags 0, offset 0x00B9 = 185 units of 8 = 1480 bytes (checksum not fixed up: only the fragment fields matter).
        var p = Decode(With(IPv4FirstFragment, 6, 0x00, 0xB9), LinkType.Raw);
        Assert.True(p.IsFragment);
        Assert.False(p.MoreFragments);
        Assert.Equal(1480, p.FragmentOffset);
    }

    [Fact]
    public void Decode_IPv6WithHopByHopAndDestinationOptions_WalksToTcp()
    {
        var p = Decode(IPv6ExtensionsTcp, LinkType.IPv6);
        Assert.Equal(DecodeAnomalies.None, p.Anomalies);
        Assert.Equal(NetworkLayer.IPv6, p.Network);
        Assert.Equal("fe80::1", p.SourceIP.ToString());
        Assert.Equal("fe80::2", p.DestinationIP.ToString());
        Assert.Equal(64, p.Ttl);
        Assert.Equal(6, p.IPProtocol);
        Assert.Equal(56, p.IPPayloadOffset);
        Assert.Equal(20, p.IPPayloadLength);
        Assert.Equal(TransportLayer.Tcp, p.Transport);
        Assert.Equal(40000, p.SourcePort);
        Assert.Equal(TcpFlags.Syn, p.TcpFlags);
        Assert.Equal(76, p.PayloadOffset);
        Assert.Equal(0, p.PayloadLength);
    }

    [Fact]
    public void Decode_IPv6RoutingAndAuthenticationHeaders_AreWalked()
    {
        byte[] frame =
        [
            0x60, 0x00, 0x00, 0x00,             // version 6
            0x00, 0x1C,                         // payload length 28 (8 routing + 12 AH + 8 UDP)
            0x2B,                               // next header Routing
            0x40,                               // hop limit
            .. new byte[32],                    // source :: and destination ::
            0x33, 0x00,                         // Routing: next header AH, length 0 (8 bytes)
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // routing type, segments left, reserved
            0x11, 0x01,                         // AH: next header UDP, payload length 1 → (1+2)*4 = 12 bytes
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // reserved, SPI, sequence
            0x04, 0xD2, 0x16, 0x2E,             // UDP ports 1234 → 5678
            0x00, 0x08, 0x00, 0x00,             // UDP length 8, checksum
        ];
        var p = Decode(frame, LinkType.IPv6);
        Assert.Equal(DecodeAnomalies.None, p.Anomalies);
        Assert.Equal(17, p.IPProtocol);
        Assert.Equal(60, p.IPPayloadOffset);
        Assert.Equal(TransportLayer.Udp, p.Transport);
        Assert.Equal(0, p.PayloadLength);
    }

    [Fact]
    public void Decode_IPv6EspAndNoNextHeader_StopWithoutAnomaly()
    {
        var esp = Decode(With(IPv6ExtensionsTcp, 6, 0x32), LinkType.IPv6); // next header ESP
        Assert.Equal(DecodeAnomalies.None, esp.Anomalies);
        Assert.Equal(50, esp.IPProtocol);
        Assert.Equal(TransportLayer.Other, esp.Transport);

        var none = Decode(With(IPv6ExtensionsTcp, 6, 0x3B), LinkType.IPv6); // No Next Header
        Assert.Equal(DecodeAnomalies.None, none.Anomalies);
        Assert.Equal(59, none.IPProtocol);
        Assert.Equal(TransportLayer.None, none.Transport);
    }

    [Fact]
    public void Decode_IPv6ExtensionChainLongerThanBound_FlagsTooManyExtensionHeaders()
    {
        var frame = new byte[40 + (9 * 8) + 20];
        frame[0] = 0x60;                                         // version 6
        frame[5] = (byte)(frame.Length - 40);                    // payload length
        frame[6] = 60;                                           // next header Destination Options
        for (int i = 0; i < 9; i++) frame[40 + (i * 8)] = 60;    // nine DstOpts headers, length 0 (8 bytes) each
        var p = Decode(frame, LinkType.IPv6);
        Assert.Equal(DecodeAnomalies.IPv6TooManyExtensionHeaders, p.Anomalies);
        Assert.Equal(TransportLayer.None, p.Transport);
    }

    [Fact]
    public void Decode_IPv6ExtensionHeaderLongerThanPayload_FlagsTruncated()
    {
        var p = Decode(With(IPv6ExtensionsTcp, 41, 0x09), LinkType.IPv6); // HBH length (9+1)*8 = 80 > 36
        Assert.Equal(DecodeAnomalies.IPv6ExtensionHeaderTruncated, p.Anomalies);
        Assert.Equal(TransportLayer.None, p.Transport);
    }

    [Fact]
    public void Decode_IPv6PayloadLengthLargerThanFrame_FlagsAndClips()
    {
        var p = Decode(With(IPv6ExtensionsTcp, 4, 0x01, 0x00), LinkType.IPv6); // claims 256
        Assert.True(p.Anomalies.HasFlag(DecodeAnomalies.IPv6PayloadLengthTooLarge));
        Assert.Equal(TransportLayer.Tcp, p.Transport);
    }

    [Fact]
    public void Decode_IPv6JumboPayloadLengthZero_UsesFrame()
    {
        var p = Decode(With(IPv6ExtensionsTcp, 4, 0x00, 0x00), LinkType.IPv6); // 0 with Hop-by-Hop first
        Assert.Equal(DecodeAnomalies.None, p.Anomalies);
        Assert.Equal(TransportLayer.Tcp, p.Transport);
    }

    [Fact]
    public void Decode_IPv6CutShort_FlagsHeaderTruncated()
        => Assert.Equal(DecodeAnomalies.IPv6HeaderTruncated, Decode(IPv6ExtensionsTcp[..39], LinkType.IPv6).Anomalies);

    [Fact]
    public void Decode_IPv6FirstFragment_SetsFragmentFieldsAndSkipsTransport()
    {
        var p = Decode(IPv6FirstFragment, LinkType.IPv6);
        Assert.Equal(DecodeAnomalies.None, p.Anomalies);
        Assert.True(p.IsFragment);
        Assert.True(p.MoreFragments);
        Assert.Equal(0, p.FragmentOffset);
        Assert.Equal(0xCAFEBABEu, p.IPIdentification);
        Assert.Equal(17, p.IPProtocol);
        Assert.Equal(48, p.IPPayloadOffset);
        Assert.Equal(8, p.IPPayloadLength);
        Assert.Equal(TransportLayer.None, p.Transport);
    }

    [Fact]
    public void Decode_IPv6AtomicFragment_IsDecodedAsWholePacket()
    {
        // Offset 0 and M clear (RFC 6946), payload holds the whole 8-byte UDP datagram.
        var p = Decode(With(IPv6FirstFragment, 42, 0x00, 0x00, 0xCA, 0xFE, 0xBA, 0xBE, 0x04, 0xD2, 0x16, 0x2E, 0x00, 0x08), LinkType.IPv6);
        Assert.False(p.IsFragment);
        Assert.Equal(TransportLayer.Udp, p.Transport);
        Assert.Equal(DecodeAnomalies.None, p.Anomalies);
    }
}
