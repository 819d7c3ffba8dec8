using System.Buffers.Binary;
using OtSensor.Core.Net;

namespace OtSensor.TestKit.Synthetic;

/// <summary>
/// Builds well-formed Ethernet II / IPv4 / TCP or UDP frames with correct checksums, so synthetic captures
/// pass tshark without a single malformed frame.
/// </summary>
public static class FrameBuilder
{
    public const int EthernetHeaderLength = 14;
    public const int IPv4HeaderLength = 20;
    public const int TcpHeaderLength = 20;
    public const int UdpHeaderLength = 8;

    public static byte[] Tcp(MacAddress srcMac, MacAddress dstMac, uint srcIp, uint dstIp, ushort srcPort, ushort dstPort,
        uint seq, uint ack, byte flags, ReadOnlySpan<byte> payload, ushort window = 65535, ushort ipId = 0, byte ttl = 64)
    {
        var frame = new byte[EthernetHeaderLength + IPv4HeaderLength + TcpHeaderLength + payload.Length];
        WriteEthernet(frame, srcMac, dstMac, 0x0800);
        var ip = frame.AsSpan(EthernetHeaderLength);
        WriteIPv4(ip, srcIp, dstIp, 6, TcpHeaderLength + payload.Length, ipId, ttl);
        var tcp = ip[IPv4HeaderLength..];
        BinaryPrimitives.WriteUInt16BigEndian(tcp, srcPort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], dstPort);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[4..], seq);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[8..], ack);
        tcp[12] = (TcpHeaderLength / 4) << 4;
        tcp[13] = flags;
        BinaryPrimitives.WriteUInt16BigEndian(tcp[14..], window);
        payload.CopyTo(tcp[TcpHeaderLength..]);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[16..], TransportChecksum(srcIp, dstIp, 6, tcp));
        return frame;
    }

    public static byte[] Udp(MacAddress srcMac, MacAddress dstMac, uint srcIp, uint dstIp, ushort srcPort, ushort dstPort,
        ReadOnlySpan<byte> payload, ushort ipId = 0, byte ttl = 64)
    {
        var frame = new byte[EthernetHeaderLength + IPv4HeaderLength + UdpHeaderLength + payload.Length];
        WriteEthernet(frame, srcMac, dstMac, 0x0800);
        var ip = frame.AsSpan(EthernetHeaderLength);
        WriteIPv4(ip, srcIp, dstIp, 17, UdpHeaderLength + payload.Length, ipId, ttl);
        var udp = ip[IPv4HeaderLength..];
        BinaryPrimitives.WriteUInt16BigEndian(udp, srcPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], dstPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)(UdpHeaderLength + payload.Length));
        payload.CopyTo(udp[UdpHeaderLength..]);
        ushort sum = TransportChecksum(srcIp, dstIp, 17, udp);
        BinaryPrimitives.WriteUInt16BigEndian(udp[6..], sum == 0 ? (ushort)0xFFFF : sum);
        return frame;
    }

    /// <summary>ARP request or reply (RFC 826) for Ethernet/IPv4.</summary>
    public static byte[] Arp(ushort operation, MacAddress senderMac, uint senderIp, MacAddress targetMac, uint targetIp, MacAddress ethernetDestination)
    {
        var frame = new byte[EthernetHeaderLength + 28 + 18]; // padded to the 60-byte Ethernet minimum
        WriteEthernet(frame, senderMac, ethernetDestination, 0x0806);
        var arp = frame.AsSpan(EthernetHeaderLength);
        BinaryPrimitives.WriteUInt16BigEndian(arp, 1);        // hardware type: Ethernet
        BinaryPrimitives.WriteUInt16BigEndian(arp[2..], 0x0800); // protocol type: IPv4
        arp[4] = 6;
        arp[5] = 4;
        BinaryPrimitives.WriteUInt16BigEndian(arp[6..], operation);
        senderMac.WriteTo(arp[8..]);
        BinaryPrimitives.WriteUInt32BigEndian(arp[14..], senderIp);
        targetMac.WriteTo(arp[18..]);
        BinaryPrimitives.WriteUInt32BigEndian(arp[24..], targetIp);
        return frame;
    }

    public static uint IPv4(byte a, byte b, byte c, byte d) => ((uint)a << 24) | ((uint)b << 16) | ((uint)c << 8) | d;

    private static void WriteEthernet(Span<byte> frame, MacAddress src, MacAddress dst, ushort etherType)
    {
        dst.WriteTo(frame);
        src.WriteTo(frame[6..]);
        BinaryPrimitives.WriteUInt16BigEndian(frame[12..], etherType);
    }

    private static void WriteIPv4(Span<byte> ip, uint src, uint dst, byte protocol, int payloadLength, ushort id, byte ttl)
    {
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(IPv4HeaderLength + payloadLength));
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], id);
        BinaryPrimitives.WriteUInt16BigEndian(ip[6..], 0x4000); // don't fragment
        ip[8] = ttl;
        ip[9] = protocol;
        BinaryPrimitives.WriteUInt32BigEndian(ip[12..], src);
        BinaryPrimitives.WriteUInt32BigEndian(ip[16..], dst);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], OnesComplement(0, ip[..IPv4HeaderLength]));
    }

    private static ushort TransportChecksum(uint src, uint dst, byte protocol, ReadOnlySpan<byte> segment)
    {
        uint sum = (src >> 16) + (src & 0xFFFF) + (dst >> 16) + (dst & 0xFFFF) + protocol + (uint)segment.Length;
        return OnesComplement(sum, segment);
    }

    private static ushort OnesComplement(uint sum, ReadOnlySpan<byte> data)
    {
        int i = 0;
        for (; i + 1 < data.Length; i += 2) sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        if (i < data.Length) sum += (uint)data[i] << 8;
        while ((sum >> 16) != 0) sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)~sum;
    }
}
