using System.Buffers.Binary;
using OtSensor.Decoding.Packets;

namespace OtSensor.Decoding.Transport;

/// <summary>TCP header: ports, sequence numbers, flags, window, data offset; options are skipped.</summary>
/// <remarks>
/// RFC 9293 §3.1 (header format).
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |          Source Port          |       Destination Port        |
/// |                        Sequence Number                        |
/// |                    Acknowledgment Number                      |
/// |  Data |       |C|E|U|A|P|R|S|F|                               |
/// | Offset| Rsrvd |W|C|R|C|S|S|Y|I|            Window             |
/// |           Checksum            |         Urgent Pointer        |
/// |                    Options (data offset > 5)                  |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// Data offset is in 4-octet units. The checksum is not verified (it needs the pseudo-header and is usually
/// offloaded on the capturing host; tshark does not verify it by default either).
/// </remarks>
internal static class TcpDecoder
{
    private const int MinHeaderLength = 20;

    public static void Decode(ReadOnlySpan<byte> segment, int offset, ref DecodedPacket packet)
    {
        if (segment.Length < MinHeaderLength)
        {
            packet.Anomalies |= DecodeAnomalies.TcpHeaderTruncated;
            return;
        }
        packet.Transport = TransportLayer.Tcp;
        packet.TransportOffset = offset;
        packet.SourcePort = BinaryPrimitives.ReadUInt16BigEndian(segment);
        packet.DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(segment[2..]);
        packet.TcpSequence = BinaryPrimitives.ReadUInt32BigEndian(segment[4..]);
        packet.TcpAcknowledgment = BinaryPrimitives.ReadUInt32BigEndian(segment[8..]);
        var flags = (TcpFlags)segment[13];
        packet.TcpFlags = flags;
        packet.TcpWindow = BinaryPrimitives.ReadUInt16BigEndian(segment[14..]);
        if (packet.SourcePort == 0 || packet.DestinationPort == 0) packet.Anomalies |= DecodeAnomalies.ZeroPort;

        // SYN+FIN and SYN+RST are never legal together; no flag at all is a "null scan" (RFC 9293 §3.10.7).
        const TcpFlags synFin = TcpFlags.Syn | TcpFlags.Fin;
        const TcpFlags synRst = TcpFlags.Syn | TcpFlags.Rst;
        if ((flags & synFin) == synFin || (flags & synRst) == synRst || flags == TcpFlags.None)
            packet.Anomalies |= DecodeAnomalies.TcpBadFlags;

        int dataOffset = (segment[12] >> 4) << 2;
        if (dataOffset < MinHeaderLength || dataOffset > segment.Length)
        {
            packet.Anomalies |= DecodeAnomalies.TcpBadDataOffset;
            packet.PayloadOffset = offset + segment.Length;
            return;
        }
        packet.PayloadOffset = offset + dataOffset;
        packet.PayloadLength = segment.Length - dataOffset;
    }
}
