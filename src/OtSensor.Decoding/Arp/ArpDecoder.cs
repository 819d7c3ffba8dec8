using System.Buffers.Binary;
using OtSensor.Core.Net;
using OtSensor.Decoding.Ethernet;
using OtSensor.Decoding.Packets;

namespace OtSensor.Decoding.Arp;

/// <summary>ARP for Ethernet hardware and IPv4 protocol addresses.</summary>
/// <remarks>
/// RFC 826 (packet format); hardware type 1 = Ethernet (IANA ARP parameters).
/// <code>
///  0        2        4    5    6        8            14       18           24       28
///  | htype  | ptype  |hlen|plen| oper   | sender MAC | sender | target MAC | target |
///  | (0001) | (0800) | 06 | 04 |        |            |  IPv4  |            |  IPv4  |
/// </code>
/// Other hardware/protocol pairs keep only the operation.
/// </remarks>
internal static class ArpDecoder
{
    private const int FixedLength = 8;
    private const int EthernetIPv4Length = 28;
    private const ushort HardwareEthernet = 1;

    public static void Decode(ReadOnlySpan<byte> frame, int offset, ref DecodedPacket packet)
    {
        var arp = frame[offset..];
        if (arp.Length < FixedLength)
        {
            packet.Anomalies |= DecodeAnomalies.ArpTruncated;
            return;
        }
        packet.Network = NetworkLayer.Arp;
        packet.NetworkOffset = offset;
        packet.ArpOperation = BinaryPrimitives.ReadUInt16BigEndian(arp[6..]);
        bool ethernetIPv4 = BinaryPrimitives.ReadUInt16BigEndian(arp) == HardwareEthernet
            && BinaryPrimitives.ReadUInt16BigEndian(arp[2..]) == EtherTypes.IPv4
            && arp[4] == MacAddress.Length && arp[5] == 4;
        if (!ethernetIPv4) return;
        if (arp.Length < EthernetIPv4Length)
        {
            packet.Anomalies |= DecodeAnomalies.ArpTruncated;
            return;
        }
        packet.ArpSenderMac = MacAddress.Read(arp[8..]);
        packet.ArpSenderIP = IPAddressBytes.FromIPv4(arp[14..]);
        packet.ArpTargetMac = MacAddress.Read(arp[18..]);
        packet.ArpTargetIP = IPAddressBytes.FromIPv4(arp[24..]);
    }
}
