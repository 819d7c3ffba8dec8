using System.Buffers.Binary;
using OtSensor.Core.Net;

namespace OtSensor.Simulation.Wire;

/// <summary>
/// Builds whole Ethernet frames with correct lengths and checksums: Ethernet II (IEEE 802.3 §3.2, padded to the
/// 60-byte minimum), IPv4 (RFC 791, DF set), TCP (RFC 9293, MSS option on SYN), UDP (RFC 768), ARP (RFC 826).
/// </summary>
public static class Frames
{
    public const ushort EtherTypeIPv4 = 0x0800;
    public const ushort EtherTypeArp = 0x0806;
    public const byte ProtocolTcp = 6;
    public const byte ProtocolUdp = 17;
    public const int MinimumFrame = 60;
    public const int EthernetHeader = 14;
    public const int IPv4Header = 20;
    public const int UdpHeader = 8;

    /// <summary>TCP flag bits (RFC 9293 §3.1).</summary>
    public const byte Fin = 0x01, Syn = 0x02, Rst = 0x04, Psh = 0x08, Ack = 0x10;

    public static byte[] Ethernet(MacAddress destination, MacAddress source, ushort etherType, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[Math.Max(MinimumFrame, EthernetHeader + payload.Length)];
        destination.WriteTo(frame);
        source.WriteTo(frame.AsSpan(6));
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), etherType);
        payload.CopyTo(frame.AsSpan(EthernetHeader));
        return frame;
    }

    /// <summary>An ARP request (operation 1) or reply (2) for IPv4 over Ethernet.</summary>
    public static byte[] Arp(ushort operation, MacAddress senderMac, uint senderIp, MacAddress targetMac, uint targetIp, MacAddress ethernetDestination)
    {
        Span<byte> arp = stackalloc byte[28];
        BinaryPrimitives.WriteUInt16BigEndian(arp, 1);            // hardware type Ethernet
        BinaryPrimitives.WriteUInt16BigEndian(arp[2..], EtherTypeIPv4);
        arp[4] = 6;                                                // hardware address length
        arp[5] = 4;                                                // protocol address length
        BinaryPrimitives.WriteUInt16BigEndian(arp[6..], operation);
        senderMac.WriteTo(arp[8..]);
        BinaryPrimitives.WriteUInt32BigEndian(arp[14..], senderIp);
        targetMac.WriteTo(arp[18..]);
        BinaryPrimitives.WriteUInt32BigEndian(arp[24..], targetIp);
        return Ethernet(ethernetDestination, senderMac, EtherTypeArp, arp);
    }

    public static byte[] Udp(Host source, ushort sourcePort, MacAddress destinationMac, uint destinationIp, ushort destinationPort, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(source);
        int ipLength = IPv4Header + UdpHeader + payload.Length;
        var frame = new byte[Math.Max(MinimumFrame, EthernetHeader + ipLength)];
        WriteEthernetAndIp(frame, source, destinationMac, destinationIp, ProtocolUdp, ipLength);
        var udp = frame.AsSpan(EthernetHeader + IPv4Header, UdpHeader + payload.Length);
        BinaryPrimitives.WriteUInt16BigEndian(udp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)udp.Length);
        payload.CopyTo(udp[UdpHeader..]);
        ushort checksum = TransportChecksum(source.Address, destinationIp, ProtocolUdp, udp);
        BinaryPrimitives.WriteUInt16BigEndian(udp[6..], checksum == 0 ? (ushort)0xFFFF : checksum);
        return frame;
    }

    public static byte[] Tcp(Host source, ushort sourcePort, Host destination, ushort destinationPort,
        uint sequence, uint acknowledgment, byte flags, ReadOnlySpan<byte> payload, ushort window = 8192)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        bool syn = (flags & Syn) != 0;
        int headerLength = syn ? 24 : 20;
        int ipLength = IPv4Header + headerLength + payload.Length;
        var frame = new byte[Math.Max(MinimumFrame, EthernetHeader + ipLength)];
        WriteEthernetAndIp(frame, source, destination.Mac, destination.Address, ProtocolTcp, ipLength);
        var tcp = frame.AsSpan(EthernetHeader + IPv4Header, headerLength + payload.Length);
        BinaryPrimitives.WriteUInt16BigEndian(tcp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], destinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[4..], sequence);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[8..], (flags & Ack) != 0 ? acknowledgment : 0);
        tcp[12] = (byte)((headerLength / 4) << 4);
        tcp[13] = flags;
        BinaryPrimitives.WriteUInt16BigEndian(tcp[14..], window);
        if (syn)
        {
            tcp[20] = 2;                                             // option kind MSS
            tcp[21] = 4;
            BinaryPrimitives.WriteUInt16BigEndian(tcp[22..], 1460);
        }
        payload.CopyTo(tcp[headerLength..]);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[16..], TransportChecksum(source.Address, destination.Address, ProtocolTcp, tcp));
        return frame;
    }

    private static void WriteEthernetAndIp(byte[] frame, Host source, MacAddress destinationMac, uint destinationIp, byte protocol, int ipLength)
    {
        destinationMac.WriteTo(frame);
        source.Mac.WriteTo(frame.AsSpan(6));
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), EtherTypeIPv4);
        var ip = frame.AsSpan(EthernetHeader, IPv4Header);
        ip[0] = 0x45;                                                // version 4, IHL 5
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)ipLength);
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], source.NextIpId());
        BinaryPrimitives.WriteUInt16BigEndian(ip[6..], 0x4000);      // DF
        ip[8] = source.Ttl;
        ip[9] = protocol;
        BinaryPrimitives.WriteUInt32BigEndian(ip[12..], source.Address);
        BinaryPrimitives.WriteUInt32BigEndian(ip[16..], destinationIp);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Fold(Sum(ip, 0)));
    }

    /// <summary>RFC 1071 checksum over the pseudo-header (RFC 9293 §3.1 / RFC 768) and the segment.</summary>
    private static ushort TransportChecksum(uint source, uint destination, byte protocol, ReadOnlySpan<byte> segment)
    {
        ulong sum = (source >> 16) + (source & 0xFFFF) + (destination >> 16) + (destination & 0xFFFF) + protocol + (uint)segment.Length;
        return Fold(Sum(segment, sum));
    }

    private static ulong Sum(ReadOnlySpan<byte> data, ulong sum)
    {
        int i = 0;
        for (; i + 1 < data.Length; i += 2) sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        if (i < data.Length) sum += (uint)data[i] << 8;
        return sum;
    }

    private static ushort Fold(ulong sum)
    {
        while ((sum >> 16) != 0) sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)~sum;
    }
}
