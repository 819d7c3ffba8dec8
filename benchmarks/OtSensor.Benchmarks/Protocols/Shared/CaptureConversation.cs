using OtSensor.Capture.Files;
using OtSensor.Core.Net;
using OtSensor.Core.Parsing;
using OtSensor.Decoding.Packets;
using OtSensor.TestKit;

namespace OtSensor.Benchmarks.Protocols.Shared;

/// <summary>
/// The application payloads of one TCP connection or UDP conversation of a public capture
/// (<c>../shared/pcaps/public/&lt;family&gt;/</c>), in capture order, with their direction: the realistic input of
/// the protocol benchmarks. Read once in <c>[GlobalSetup]</c> with the repository's own
/// <see cref="CaptureFileReader"/> and <see cref="PacketDecoder"/>.
/// </summary>
/// <remarks>
/// <para>The conversation kept is the one carrying the most payload bytes to or from <c>serverPort</c>; its
/// server endpoint is the destination of its first packet sent to that port (so a UDP conversation between two
/// equal ports, as BACnet/IP's 47808, still has a direction).</para>
/// <para>TCP segments wholly before the next expected sequence number (retransmissions) are dropped; no other
/// reassembly is done, so a capture with lost segments should not be chosen (the benchmarks check that their
/// session decodes every PDU without anomaly and throw otherwise).</para>
/// </remarks>
internal sealed class CaptureConversation
{
    private CaptureConversation(string path, byte[] data, Range[] segments, Direction[] directions)
    {
        Path = path;
        Data = data;
        Segments = segments;
        Directions = directions;
    }

    /// <summary>The capture file read.</summary>
    public string Path { get; }

    /// <summary>Every payload of the conversation, back to back.</summary>
    public byte[] Data { get; }

    /// <summary>Where payload n sits in <see cref="Data"/>.</summary>
    public Range[] Segments { get; }

    /// <summary>Direction of payload n (<see cref="Direction.ToServer"/> = from the client).</summary>
    public Direction[] Directions { get; }

    /// <summary>Largest number of payload bytes in one direction (the size a per-direction carry buffer needs).</summary>
    public int LongestDirection
    {
        get
        {
            int toServer = 0, toClient = 0;
            for (int i = 0; i < Segments.Length; i++)
            {
                int length = Segments[i].GetOffsetAndLength(Data.Length).Length;
                if (Directions[i] == Direction.ToServer) toServer += length; else toClient += length;
            }
            return Math.Max(toServer, toClient);
        }
    }

    /// <summary>Loads the conversation of <paramref name="file"/> in <paramref name="family"/>'s folder.</summary>
    /// <exception cref="InvalidOperationException">The shared captures are not beside the repository, or the file holds no such conversation.</exception>
    public static CaptureConversation Load(string family, string file, ushort serverPort, bool tcp)
    {
        string path = System.IO.Path.Combine(SharedCaptures.PublicFolder(family), file);
        var packets = ReadPayloads(path, serverPort, tcp);

        // The busiest conversation, by payload bytes; ties go to the first seen.
        var bytesByConversation = new Dictionary<(Endpoint, Endpoint), long>();
        foreach (var p in packets)
        {
            var key = Key(p.Source, p.Destination);
            bytesByConversation[key] = bytesByConversation.GetValueOrDefault(key) + p.Payload.Length;
        }
        if (bytesByConversation.Count == 0) throw new InvalidOperationException($"{path}: no payload to or from port {serverPort}.");
        var best = bytesByConversation.MaxBy(kv => kv.Value).Key;

        Endpoint? server = null;
        var data = new List<byte>();
        var segments = new List<Range>();
        var directions = new List<Direction>();
        uint? nextToServer = null, nextToClient = null;
        foreach (var p in packets)
        {
            if (Key(p.Source, p.Destination) != best) continue;
            server ??= p.Destination.Port == serverPort ? p.Destination : p.Source;
            var direction = p.Destination == server ? Direction.ToServer : Direction.ToClient;
            if (tcp)
            {
                ref uint? next = ref direction == Direction.ToServer ? ref nextToServer : ref nextToClient;
                // Serial arithmetic: a segment ending at or before the next expected byte is a retransmission.
                if (next is uint expected && (int)(p.Sequence + (uint)p.Payload.Length - expected) <= 0) continue;
                next = p.Sequence + (uint)p.Payload.Length;
            }
            int start = data.Count;
            data.AddRange(p.Payload);
            segments.Add(start..data.Count);
            directions.Add(direction);
        }
        return new CaptureConversation(path, [.. data], [.. segments], [.. directions]);
    }

    private static (Endpoint, Endpoint) Key(Endpoint a, Endpoint b)
        => a.CompareTo(b) <= 0 ? (a, b) : (b, a);

    private static List<Packet> ReadPayloads(string path, ushort serverPort, bool tcp)
    {
        var packets = new List<Packet>();
        using var reader = CaptureFileReader.Open(path);
        var packet = default(DecodedPacket);
        while (reader.TryReadNext(out var frame))
        {
            PacketDecoder.Decode(frame.Data, frame.LinkType, ref packet);
            if (packet.Transport != (tcp ? TransportLayer.Tcp : TransportLayer.Udp) || packet.PayloadLength == 0) continue;
            if (packet.SourcePort != serverPort && packet.DestinationPort != serverPort) continue;
            packets.Add(new Packet(
                new Endpoint(packet.SourceIP, packet.SourcePort),
                new Endpoint(packet.DestinationIP, packet.DestinationPort),
                packet.TcpSequence,
                frame.Data.Slice(packet.PayloadOffset, packet.PayloadLength).ToArray()));
        }
        if (reader.Error is not null) throw new InvalidOperationException($"{path}: {reader.Error.Message}");
        return packets;
    }

    private readonly record struct Endpoint(IPAddressBytes Address, ushort Port) : IComparable<Endpoint>
    {
        public int CompareTo(Endpoint other)
        {
            int c = Address.High.CompareTo(other.Address.High);
            if (c == 0) c = Address.Low.CompareTo(other.Address.Low);
            return c != 0 ? c : Port.CompareTo(other.Port);
        }
    }

    private sealed record Packet(Endpoint Source, Endpoint Destination, uint Sequence, byte[] Payload);
}
