using OtSensor.Core.Net;
using OtSensor.Decoding.IP;
using OtSensor.Decoding.Link;
using OtSensor.Decoding.Transport;

namespace OtSensor.Decoding.Packets;

/// <summary>
/// Stateless L2–L4 decoder: fills a reused <see cref="DecodedPacket"/> with fields and offsets into the
/// frame. Never throws and never allocates; what is wrong becomes <see cref="DecodedPacket.Anomalies"/> bits.
/// </summary>
/// <remarks>
/// Layer rule: <see cref="DecodedPacket.Network"/> / <see cref="DecodedPacket.Transport"/> are set once that
/// layer's fixed header was present and recognised, so its fields are valid. An anomaly that makes the layer's
/// boundaries unknown (bad IHL, bad TCP data offset, truncation) stops decoding there; anomalies that do not
/// (bad checksum, bad options, lying lengths that can be clipped) are flagged and decoding goes on, as tshark does.
/// </remarks>
public static class PacketDecoder
{
    /// <summary>Decodes one captured frame. <see cref="DecodedPacket.Timestamp"/> and <see cref="DecodedPacket.FrameNumber"/> are kept; every other field is reset.</summary>
    public static void Decode(ReadOnlySpan<byte> frame, LinkType linkType, ref DecodedPacket packet)
    {
        var timestamp = packet.Timestamp;
        long frameNumber = packet.FrameNumber;
        packet = default;
        packet.Timestamp = timestamp;
        packet.FrameNumber = frameNumber;
        packet.LinkType = linkType;
        packet.FrameLength = frame.Length;
        LinkDecoder.Decode(frame, linkType, ref packet);
    }

    /// <summary>
    /// Decodes the transport layer of a reassembled IP payload (from <see cref="Fragments.IPFragmentReassembler"/>)
    /// into <paramref name="packet"/>, whose network fields come from the last fragment. Offsets become relative to
    /// <paramref name="ipPayload"/>; the fragment fields are cleared.
    /// </summary>
    public static void DecodeTransport(ReadOnlySpan<byte> ipPayload, ref DecodedPacket packet)
    {
        packet.IsFragment = false;
        packet.MoreFragments = false;
        packet.FragmentOffset = 0;
        packet.IPPayloadOffset = 0;
        packet.IPPayloadLength = ipPayload.Length;
        packet.Transport = TransportLayer.None;
        packet.TransportOffset = 0;
        packet.SourcePort = 0;
        packet.DestinationPort = 0;
        packet.TcpSequence = 0;
        packet.TcpAcknowledgment = 0;
        packet.TcpFlags = TcpFlags.None;
        packet.TcpWindow = 0;
        packet.IcmpType = 0;
        packet.IcmpCode = 0;
        packet.PayloadOffset = 0;
        packet.PayloadLength = 0;

        int offset = 0;
        byte protocol = packet.IPProtocol;
        if (packet.Network == NetworkLayer.IPv6)
        {
            // The fragmentable part may start with more extension headers (RFC 8200 §4.5: Destination Options, Routing).
            if (!IPv6Decoder.TryWalkExtensionHeaders(ipPayload, ref offset, ipPayload.Length, ref protocol, 0, ref packet)
                || packet.IsFragment)
            {
                return;
            }
            packet.IPProtocol = protocol;
            packet.IPPayloadOffset = offset;
            packet.IPPayloadLength = ipPayload.Length - offset;
        }
        TransportDecoder.Decode(ipPayload, offset, ipPayload.Length - offset, protocol, ref packet);
    }
}
