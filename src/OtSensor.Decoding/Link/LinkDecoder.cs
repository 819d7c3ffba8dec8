using System.Buffers.Binary;
using OtSensor.Core.Net;
using OtSensor.Decoding.Ethernet;
using OtSensor.Decoding.IP;
using OtSensor.Decoding.Packets;

namespace OtSensor.Decoding.Link;

/// <summary>Dispatches a frame on its link type to the first header decoder.</summary>
/// <remarks>
/// Header layouts from the tcpdump.org link-layer header types registry:
/// <code>
/// LINKTYPE_LINUX_SLL (113), 16 bytes:          LINKTYPE_LINUX_SLL2 (276), 20 bytes:
///   0  packet type   (2, BE)                      0  protocol type (2, BE)
///   2  ARPHRD type   (2, BE)                      2  reserved      (2)
///   4  address len   (2, BE)                      4  ifindex       (4, BE)
///   6  address       (8, zero padded)             8  ARPHRD type   (2, BE)
///  14  protocol type (2, BE)                     10  packet type   (1)
///                                                11  address len   (1)
///                                                12  address       (8, zero padded)
/// LINKTYPE_NULL (0): 4-byte address family in the capturing host's byte order.
/// LINKTYPE_LOOP (108): 4-byte address family, big-endian.
/// LINKTYPE_RAW (101): IP header directly, version in the first nibble.
/// </code>
/// Protocol type in SLL: an EtherType, except 0x0001 (Novell 802.3), 0x0004 (802.2 LLC frame) and
/// ARPHRD_NETLINK (824) headers, where it is a netlink family.
/// </remarks>
internal static class LinkDecoder
{
    private const int SllHeaderLength = 16;
    private const int Sll2HeaderLength = 20;
    private const int LoopbackHeaderLength = 4;
    private const ushort ArphrdNetlink = 824;
    private const ushort SllProtocolNovell8023 = 0x0001;
    private const ushort SllProtocolLlc = 0x0004;

    // BSD address families seen in DLT_NULL / DLT_LOOP headers: AF_INET is 2 everywhere, AF_INET6 differs
    // (24 NetBSD/OpenBSD, 28 FreeBSD, 30 macOS).
    private const uint AfInet = 2;
    private const uint AfInet6Bsd = 24;
    private const uint AfInet6FreeBsd = 28;
    private const uint AfInet6Darwin = 30;

    public static void Decode(ReadOnlySpan<byte> frame, LinkType linkType, ref DecodedPacket packet)
    {
        switch (linkType)
        {
            case LinkType.Ethernet:
                EthernetDecoder.Decode(frame, ref packet);
                break;
            case LinkType.LinuxSll:
                DecodeSll(frame, ref packet);
                break;
            case LinkType.LinuxSll2:
                DecodeSll2(frame, ref packet);
                break;
            case LinkType.Null:
                DecodeLoopback(frame, bigEndian: false, ref packet);
                break;
            case LinkType.Loop:
                DecodeLoopback(frame, bigEndian: true, ref packet);
                break;
            case LinkType.Raw:
                DecodeRaw(frame, 0, ref packet);
                break;
            case LinkType.IPv4:
                IPv4Decoder.Decode(frame, 0, ref packet);
                break;
            case LinkType.IPv6:
                IPv6Decoder.Decode(frame, 0, ref packet);
                break;
            default:
                packet.Anomalies |= DecodeAnomalies.UnknownLinkType;
                break;
        }
    }

    private static void DecodeSll(ReadOnlySpan<byte> frame, ref DecodedPacket packet)
    {
        if (frame.Length < SllHeaderLength)
        {
            packet.Anomalies |= DecodeAnomalies.FrameTooShort;
            return;
        }
        ushort arphrd = BinaryPrimitives.ReadUInt16BigEndian(frame[2..]);
        ushort addressLength = BinaryPrimitives.ReadUInt16BigEndian(frame[4..]);
        if (addressLength == MacAddress.Length) packet.SourceMac = MacAddress.Read(frame[6..]);
        ushort protocol = BinaryPrimitives.ReadUInt16BigEndian(frame[14..]);
        DecodeCookedProtocol(frame, SllHeaderLength, arphrd, protocol, ref packet);
    }

    private static void DecodeSll2(ReadOnlySpan<byte> frame, ref DecodedPacket packet)
    {
        if (frame.Length < Sll2HeaderLength)
        {
            packet.Anomalies |= DecodeAnomalies.FrameTooShort;
            return;
        }
        ushort protocol = BinaryPrimitives.ReadUInt16BigEndian(frame);
        ushort arphrd = BinaryPrimitives.ReadUInt16BigEndian(frame[8..]);
        if (frame[11] == MacAddress.Length) packet.SourceMac = MacAddress.Read(frame[12..]);
        DecodeCookedProtocol(frame, Sll2HeaderLength, arphrd, protocol, ref packet);
    }

    private static void DecodeCookedProtocol(ReadOnlySpan<byte> frame, int offset, ushort arphrd, ushort protocol, ref DecodedPacket packet)
    {
        if (arphrd == ArphrdNetlink || protocol == SllProtocolNovell8023)
        {
            packet.Network = NetworkLayer.Other;
            return;
        }
        if (protocol == SllProtocolLlc)
        {
            EthernetDecoder.DecodeLlc(frame, offset, ref packet);
            return;
        }
        EthernetDecoder.DecodeEtherType(frame, offset, protocol, ref packet);
    }

    private static void DecodeLoopback(ReadOnlySpan<byte> frame, bool bigEndian, ref DecodedPacket packet)
    {
        if (frame.Length < LoopbackHeaderLength)
        {
            packet.Anomalies |= DecodeAnomalies.FrameTooShort;
            return;
        }
        uint family = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(frame) : BinaryPrimitives.ReadUInt32LittleEndian(frame);
        // Host order of the capturing machine is unknown: families are small, so a value in the high half
        // means the other byte order.
        if (family > 0xFFFF) family = BinaryPrimitives.ReverseEndianness(family);
        switch (family)
        {
            case AfInet:
                IPv4Decoder.Decode(frame, LoopbackHeaderLength, ref packet);
                break;
            case AfInet6Bsd or AfInet6FreeBsd or AfInet6Darwin:
                IPv6Decoder.Decode(frame, LoopbackHeaderLength, ref packet);
                break;
            default:
                packet.Network = NetworkLayer.Other;
                break;
        }
    }

    private static void DecodeRaw(ReadOnlySpan<byte> frame, int offset, ref DecodedPacket packet)
    {
        if ((uint)offset >= (uint)frame.Length)
        {
            packet.Anomalies |= DecodeAnomalies.FrameTooShort;
            return;
        }
        switch (frame[offset] >> 4)
        {
            case 4:
                IPv4Decoder.Decode(frame, offset, ref packet);
                break;
            case 6:
                IPv6Decoder.Decode(frame, offset, ref packet);
                break;
            default:
                packet.Network = NetworkLayer.Other;
                break;
        }
    }
}
