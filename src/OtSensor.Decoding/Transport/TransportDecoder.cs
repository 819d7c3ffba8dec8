using OtSensor.Decoding.IP;
using OtSensor.Decoding.Packets;

namespace OtSensor.Decoding.Transport;

/// <summary>Dispatches an IP payload on its protocol number.</summary>
internal static class TransportDecoder
{
    /// <summary>Decodes <c>buffer[offset..offset+length]</c> as protocol <paramref name="protocol"/>; offsets stay relative to <paramref name="buffer"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> buffer, int offset, int length, byte protocol, ref DecodedPacket packet)
    {
        var segment = buffer.Slice(offset, length);
        switch (protocol)
        {
            case IPProtocolNumbers.Tcp:
                TcpDecoder.Decode(segment, offset, ref packet);
                break;
            case IPProtocolNumbers.Udp:
                UdpDecoder.Decode(segment, offset, ref packet);
                break;
            case IPProtocolNumbers.Icmp:
                IcmpDecoder.Decode(segment, offset, TransportLayer.Icmp, ref packet);
                break;
            case IPProtocolNumbers.IcmpV6:
                IcmpDecoder.Decode(segment, offset, TransportLayer.IcmpV6, ref packet);
                break;
            case IPProtocolNumbers.NoNextHeader:
                break;
            default:
                // ESP, IGMP, tunnels (IP-in-IP, GRE) and the rest: recorded by number, not decoded.
                packet.Transport = TransportLayer.Other;
                packet.TransportOffset = offset;
                break;
        }
    }
}
