using System.Buffers.Binary;
using OtSensor.Core.Net;
using OtSensor.Decoding.Packets;
using OtSensor.Decoding.Transport;

namespace OtSensor.Decoding.IP;

/// <summary>IPv6 fixed header and the extension-header chain up to the upper-layer header.</summary>
/// <remarks>
/// RFC 8200 §3 (header), §4 (extension headers), §4.5 (Fragment header); RFC 4302 §2.2 (AH length);
/// RFC 2675 (jumbograms: payload length 0 with a Hop-by-Hop Jumbo Payload option).
/// <code>
///  0       4               12                      24                              40
///  |Version| Traffic Class |      Flow Label      |
///  |       Payload Length (16)     | Next Header  |  Hop Limit  |
///  |                     Source Address (128)                  |
///  |                  Destination Address (128)                |
/// Extension header (HBH 0, Routing 43, DstOpts 60): | next header | hdr ext len (8-octet units, minus 1) | ... |
/// AH (51):                                          | next header | payload len (4-octet units, minus 2) | ... |
/// Fragment (44), 8 bytes: | next header | reserved | offset (13 bits, 8-octet units) | res (2) | M | identification (32) |
/// </code>
/// </remarks>
internal static class IPv6Decoder
{
    private const int HeaderLength = 40;
    private const int FragmentHeaderLength = 8;
    /// <summary>Bound on the extension-header chain (RFC 8200 §4.1 defines six kinds; a longer chain is an evasion attempt).</summary>
    public const int MaxExtensionHeaders = 8;

    public static void Decode(ReadOnlySpan<byte> frame, int offset, ref DecodedPacket packet)
    {
        var ip = frame[offset..];
        if (ip.Length < HeaderLength)
        {
            packet.Anomalies |= DecodeAnomalies.IPv6HeaderTruncated;
            return;
        }
        if (ip[0] >> 4 != 6)
        {
            packet.Anomalies |= DecodeAnomalies.IPv6BadVersion;
            return;
        }
        packet.Network = NetworkLayer.IPv6;
        packet.NetworkOffset = offset;
        packet.Ttl = ip[7];
        packet.SourceIP = IPAddressBytes.FromIPv6(ip.Slice(8, 16));
        packet.DestinationIP = IPAddressBytes.FromIPv6(ip.Slice(24, 16));
        if (packet.SourceIP.IsMulticastOrBroadcast) packet.Anomalies |= DecodeAnomalies.SourceAddressMulticast;

        byte nextHeader = ip[6];
        int payloadLength = BinaryPrimitives.ReadUInt16BigEndian(ip[4..]);
        int available = ip.Length - HeaderLength;
        if (payloadLength == 0 && nextHeader == IPProtocolNumbers.HopByHop)
        {
            // Jumbogram (RFC 2675): the real length is in the Jumbo Payload option; the frame bounds it anyway.
            payloadLength = available;
        }
        else if (payloadLength > available)
        {
            packet.Anomalies |= DecodeAnomalies.IPv6PayloadLengthTooLarge;
            payloadLength = available;
        }

        int cursor = offset + HeaderLength;
        int end = cursor + payloadLength;
        packet.IPProtocol = nextHeader;
        if (!TryWalkExtensionHeaders(frame, ref cursor, end, ref nextHeader, 0, ref packet)) return;
        packet.IPProtocol = nextHeader;
        packet.IPPayloadOffset = cursor;
        packet.IPPayloadLength = end - cursor;
        if (packet.IsFragment) return;
        TransportDecoder.Decode(frame, cursor, end - cursor, nextHeader, ref packet);
    }

    /// <summary>
    /// Walks extension headers in <c>buffer[cursor..end]</c>. Returns false (anomaly set) when the chain is
    /// truncated or too long. Stops at the first upper-layer header, ESP, No Next Header, or a Fragment header
    /// of a real fragment (then <see cref="DecodedPacket.IsFragment"/> is set and the cursor is at the fragment data).
    /// </summary>
    public static bool TryWalkExtensionHeaders(ReadOnlySpan<byte> buffer, ref int cursor, int end, ref byte nextHeader, int walked, ref DecodedPacket packet)
    {
        while (true)
        {
            int remaining = end - cursor;
            int length;
            switch (nextHeader)
            {
                case IPProtocolNumbers.HopByHop or IPProtocolNumbers.Routing or IPProtocolNumbers.DestinationOptions:
                    if (remaining < 2) return Truncated(ref packet);
                    length = (buffer[cursor + 1] + 1) << 3;
                    break;
                case IPProtocolNumbers.Ah:
                    if (remaining < 2) return Truncated(ref packet);
                    length = (buffer[cursor + 1] + 2) << 2;
                    break;
                case IPProtocolNumbers.Fragment:
                    length = FragmentHeaderLength;
                    break;
                default:
                    return true;
            }
            if (++walked > MaxExtensionHeaders)
            {
                packet.Anomalies |= DecodeAnomalies.IPv6TooManyExtensionHeaders;
                return false;
            }
            if (length > remaining) return Truncated(ref packet);

            var header = buffer.Slice(cursor, length);
            byte following = header[0];
            cursor += length;
            if (nextHeader == IPProtocolNumbers.Fragment)
            {
                ushort offsetFlags = BinaryPrimitives.ReadUInt16BigEndian(header[2..]);
                packet.IPIdentification = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
                // The 13-bit offset sits above 3 flag bits, so masking them leaves the offset in octets.
                packet.FragmentOffset = offsetFlags & 0xFFF8;
                packet.MoreFragments = (offsetFlags & 1) != 0;
                if (packet.FragmentOffset != 0 || packet.MoreFragments)
                {
                    packet.IsFragment = true;
                    nextHeader = following;
                    return true;
                }
                // Atomic fragment (RFC 6946): processed as a whole packet.
            }
            nextHeader = following;
        }
    }

    private static bool Truncated(ref DecodedPacket packet)
    {
        packet.Anomalies |= DecodeAnomalies.IPv6ExtensionHeaderTruncated;
        return false;
    }
}
