using OtSensor.Decoding.Packets;

namespace OtSensor.Decoding.Transport;

/// <summary>ICMP and ICMPv6: type and code only.</summary>
/// <remarks>
/// RFC 792 (ICMP: type, code, checksum, then 4 bytes that depend on the type), RFC 4443 §2.1 (ICMPv6).
/// <code>
/// | type (1) | code (1) | checksum (2) | rest of header (4) | body ... |
/// </code>
/// Error messages embed the offending datagram in the body; it is deliberately not decoded, so its
/// addresses and ports never reach flow tracking. The payload is the body after the 8-byte header.
/// </remarks>
internal static class IcmpDecoder
{
    private const int MinLength = 4;
    private const int HeaderLength = 8;

    public static void Decode(ReadOnlySpan<byte> message, int offset, TransportLayer kind, ref DecodedPacket packet)
    {
        if (message.Length < MinLength)
        {
            packet.Anomalies |= DecodeAnomalies.IcmpTruncated;
            return;
        }
        packet.Transport = kind;
        packet.TransportOffset = offset;
        packet.IcmpType = message[0];
        packet.IcmpCode = message[1];
        int header = Math.Min(HeaderLength, message.Length);
        packet.PayloadOffset = offset + header;
        packet.PayloadLength = message.Length - header;
    }
}
