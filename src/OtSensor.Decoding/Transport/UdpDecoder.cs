using System.Buffers.Binary;
using OtSensor.Decoding.Packets;

namespace OtSensor.Decoding.Transport;

/// <summary>UDP header: ports and length.</summary>
/// <remarks>
/// RFC 768.
/// <code>
///  0      7 8     15 16    23 24    31
/// +--------+--------+--------+--------+
/// |   Source Port   |  Destination    |
/// |                 |      Port       |
/// +--------+--------+--------+--------+
/// |     Length      |    Checksum     |
/// +--------+--------+--------+--------+
/// </code>
/// Length counts the 8-byte header. The checksum is not verified (see <see cref="TcpDecoder"/>).
/// </remarks>
internal static class UdpDecoder
{
    private const int HeaderLength = 8;

    public static void Decode(ReadOnlySpan<byte> datagram, int offset, ref DecodedPacket packet)
    {
        if (datagram.Length < HeaderLength)
        {
            packet.Anomalies |= DecodeAnomalies.UdpHeaderTruncated;
            return;
        }
        packet.Transport = TransportLayer.Udp;
        packet.TransportOffset = offset;
        packet.SourcePort = BinaryPrimitives.ReadUInt16BigEndian(datagram);
        packet.DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]);
        if (packet.SourcePort == 0 || packet.DestinationPort == 0) packet.Anomalies |= DecodeAnomalies.ZeroPort;
        int length = BinaryPrimitives.ReadUInt16BigEndian(datagram[4..]);
        if (length < HeaderLength || length > datagram.Length)
        {
            // Keep what the IP layer delivered: the length field is the liar, not the bytes.
            packet.Anomalies |= DecodeAnomalies.UdpBadLength;
            length = datagram.Length;
        }
        packet.PayloadOffset = offset + HeaderLength;
        packet.PayloadLength = length - HeaderLength;
    }
}
