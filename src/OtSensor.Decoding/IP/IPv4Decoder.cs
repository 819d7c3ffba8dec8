using System.Buffers.Binary;
using System.Runtime.InteropServices;
using OtSensor.Core.Net;
using OtSensor.Decoding.Packets;
using OtSensor.Decoding.Transport;

namespace OtSensor.Decoding.IP;

/// <summary>IPv4 header: addresses, lengths, checksum, options bounds, fragmentation.</summary>
/// <remarks>
/// RFC 791 §3.1 (header format), RFC 1071 (checksum), RFC 6864 (identification).
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |Version|  IHL  |Type of Service|          Total Length         |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |         Identification        |Flags|      Fragment Offset    |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |  Time to Live |    Protocol   |         Header Checksum       |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                       Source Address                          |
/// |                    Destination Address                        |
/// |                    Options (IHL > 5)          |    Padding    |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// IHL and Fragment Offset are in 4- and 8-octet units. Flags: bit 1 DF (0x4000), bit 2 MF (0x2000).
/// </remarks>
internal static class IPv4Decoder
{
    private const int MinHeaderLength = 20;
    private const ushort MoreFragmentsFlag = 0x2000;
    private const ushort FragmentOffsetMask = 0x1FFF;
    private const byte OptionEndOfList = 0;
    private const byte OptionNoOperation = 1;

    public static void Decode(ReadOnlySpan<byte> frame, int offset, ref DecodedPacket packet)
    {
        var ip = frame[offset..];
        if (ip.Length < MinHeaderLength)
        {
            packet.Anomalies |= DecodeAnomalies.IPv4HeaderTruncated;
            return;
        }
        byte versionIhl = ip[0];
        if (versionIhl >> 4 != 4)
        {
            packet.Anomalies |= DecodeAnomalies.IPv4BadVersion;
            return;
        }
        packet.Network = NetworkLayer.IPv4;
        packet.NetworkOffset = offset;
        packet.Ttl = ip[8];
        packet.IPProtocol = ip[9];
        packet.IPIdentification = BinaryPrimitives.ReadUInt16BigEndian(ip[4..]);
        uint source = BinaryPrimitives.ReadUInt32BigEndian(ip[12..]);
        packet.SourceIP = IPAddressBytes.FromIPv4(source);
        packet.DestinationIP = IPAddressBytes.FromIPv4(BinaryPrimitives.ReadUInt32BigEndian(ip[16..]));
        // Multicast or limited broadcast is never a source (RFC 1122 §3.2.1.3).
        if (IPAddressBytes.IsIPv4MulticastOrBroadcast(source)) packet.Anomalies |= DecodeAnomalies.SourceAddressMulticast;

        int headerLength = (versionIhl & 0x0F) << 2;
        if (headerLength < MinHeaderLength)
        {
            packet.Anomalies |= DecodeAnomalies.IPv4BadHeaderLength;
            return;
        }
        if (headerLength > ip.Length)
        {
            packet.Anomalies |= DecodeAnomalies.IPv4HeaderTruncated;
            return;
        }

        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        if (totalLength == 0)
        {
            // Segmentation offload: the sending host captured the packet before the NIC filled the length in.
            totalLength = ip.Length;
        }
        else if (totalLength < headerLength)
        {
            packet.Anomalies |= DecodeAnomalies.IPv4TotalLengthTooSmall;
            return;
        }
        else if (totalLength > ip.Length)
        {
            packet.Anomalies |= DecodeAnomalies.IPv4TotalLengthTooLarge;
            totalLength = ip.Length;
        }
        // totalLength < ip.Length: Ethernet minimum-size padding (or a trailer) follows; not part of the datagram.

        var header = ip[..headerLength];
        if (!ChecksumIsValid(header)) packet.Anomalies |= DecodeAnomalies.IPv4BadChecksum;
        if (headerLength > MinHeaderLength && !OptionsAreValid(header[MinHeaderLength..]))
            packet.Anomalies |= DecodeAnomalies.IPv4BadOptions;

        ushort flagsOffset = BinaryPrimitives.ReadUInt16BigEndian(ip[6..]);
        packet.IPPayloadOffset = offset + headerLength;
        packet.IPPayloadLength = totalLength - headerLength;
        packet.MoreFragments = (flagsOffset & MoreFragmentsFlag) != 0;
        packet.FragmentOffset = (flagsOffset & FragmentOffsetMask) << 3;
        if (packet.MoreFragments || packet.FragmentOffset != 0)
        {
            packet.IsFragment = true;
            return;
        }
        TransportDecoder.Decode(frame, packet.IPPayloadOffset, packet.IPPayloadLength, packet.IPProtocol, ref packet);
    }

    /// <summary>RFC 1071: the one's-complement sum over the header, checksum field included, is all ones.</summary>
    /// <remarks>
    /// The one's-complement sum is byte-order independent (RFC 1071 §2(B)), so 32-bit words are summed in
    /// machine order and folded; the header length is a multiple of 4 by construction.
    /// </remarks>
    internal static bool ChecksumIsValid(ReadOnlySpan<byte> header)
    {
        var words = MemoryMarshal.Cast<byte, uint>(header);
        ulong sum;
        if (words.Length == 5)
        {
            // The usual header without options: five words, no loop.
            sum = (ulong)words[0] + words[1] + words[2] + words[3] + words[4];
        }
        else
        {
            sum = 0;
            foreach (uint word in words) sum += word;
        }
        sum = (sum & 0xFFFF_FFFF) + (sum >> 32);
        sum = (sum & 0xFFFF_FFFF) + (sum >> 32);
        uint folded = (uint)(sum & 0xFFFF) + (uint)(sum >> 16);
        folded = (folded & 0xFFFF) + (folded >> 16);
        folded = (folded & 0xFFFF) + (folded >> 16);
        return folded == 0xFFFF;
    }

    /// <summary>
    /// RFC 791 §3.1 options: EOL ends the list (the rest is padding), NOP is one octet, every other option has a
    /// length octet of at least 2 that must fit in the options area.
    /// </summary>
    private static bool OptionsAreValid(ReadOnlySpan<byte> options)
    {
        int i = 0;
        while (i < options.Length)
        {
            byte type = options[i];
            if (type == OptionEndOfList) return true;
            if (type == OptionNoOperation)
            {
                i++;
                continue;
            }
            if (i + 1 >= options.Length) return false;
            int length = options[i + 1];
            if (length < 2 || length > options.Length - i) return false;
            i += length;
        }
        return true;
    }
}
