using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.Decoding.Packets;

namespace OtSensor.Decoding.Tests.Flows;

/// <summary>Hand-filled <see cref="DecodedPacket"/> values, as the L2–L4 decoder would produce them.</summary>
internal static class TestPackets
{
    public static DecodedPacket Tcp(string source, ushort sourcePort, string destination, ushort destinationPort,
        TcpFlags flags, double seconds = 0, int payloadLength = 0, uint sequence = 0)
    {
        var packet = Ip(source, destination, 6, seconds, payloadLength);
        packet.Transport = TransportLayer.Tcp;
        packet.SourcePort = sourcePort;
        packet.DestinationPort = destinationPort;
        packet.TcpFlags = flags;
        packet.TcpSequence = sequence;
        return packet;
    }

    public static DecodedPacket Udp(string source, ushort sourcePort, string destination, ushort destinationPort,
        double seconds = 0, int payloadLength = 0)
    {
        var packet = Ip(source, destination, 17, seconds, payloadLength);
        packet.Transport = TransportLayer.Udp;
        packet.SourcePort = sourcePort;
        packet.DestinationPort = destinationPort;
        return packet;
    }

    public static DecodedPacket Icmp(string source, string destination, double seconds = 0)
    {
        var packet = Ip(source, destination, 1, seconds, 0);
        packet.Transport = TransportLayer.Icmp;
        packet.IcmpType = 8;
        return packet;
    }

    public static IPAddressBytes Address(string text)
        => IPAddressBytes.TryParse(text, out var address) ? address : throw new ArgumentException("Bad test address.", nameof(text));

    public static Timestamp At(double seconds) => new((long)(seconds * 1_000_000_000));

    private static DecodedPacket Ip(string source, string destination, byte protocol, double seconds, int payloadLength)
    {
        var src = Address(source);
        var dst = Address(destination);
        return new DecodedPacket
        {
            Timestamp = At(seconds),
            Network = src.IsIPv4 ? NetworkLayer.IPv4 : NetworkLayer.IPv6,
            SourceIP = src,
            DestinationIP = dst,
            IPProtocol = protocol,
            FrameLength = 54 + payloadLength,
            PayloadLength = payloadLength,
        };
    }
}
