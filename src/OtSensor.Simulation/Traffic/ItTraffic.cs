using System.Buffers.Binary;
using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Traffic;

/// <summary>IT background that every plant has: DNS look-ups (RFC 1035 §4) and NTP time queries (RFC 5905 §7.3).</summary>
public static class ItTraffic
{
    public const ushort DnsPort = 53;
    public const ushort NtpPort = 123;

    /// <summary>A standard A query for <paramref name="name"/> and the server's answer pointing at <paramref name="answer"/>.</summary>
    public static Timestamp DnsLookup(Simulator sim, Timestamp at, Host client, Host server, string name, Host answer, Random random)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(random);
        ushort id = (ushort)random.Next(0, 65536);
        var question = new List<byte>();
        foreach (var label in name.Split('.'))
        {
            question.Add((byte)label.Length);
            question.AddRange(System.Text.Encoding.ASCII.GetBytes(label));
        }
        question.AddRange([0x00, 0x00, 0x01, 0x00, 0x01]);         // root, QTYPE A, QCLASS IN
        byte[] query = [(byte)(id >> 8), (byte)id, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, .. question];
        byte[] record = [0xC0, 0x0C, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x0E, 0x10, 0x00, 0x04,
            (byte)(answer.Address >> 24), (byte)(answer.Address >> 16), (byte)(answer.Address >> 8), (byte)answer.Address];
        byte[] response = [(byte)(id >> 8), (byte)id, 0x85, 0x80, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, .. question, .. record];
        ushort port = client.NextEphemeralPort();
        sim.Emit(at, Frames.Udp(client, port, server.Mac, server.Address, DnsPort, query));
        var answered = at.Add(TimeSpan.FromMicroseconds(random.Next(200, 900)));
        sim.Emit(answered, Frames.Udp(server, DnsPort, client.Mac, client.Address, port, response));
        sim.Manifest.CountPdu("dns", 1, 2);                       // query and response, both under QTYPE A
        return answered;
    }

    /// <summary>An NTPv4 client request (mode 3) and the server's reply (mode 4, stratum 2).</summary>
    public static Timestamp NtpQuery(Simulator sim, Timestamp at, Host client, Host server, Random random)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(random);
        var request = new byte[48];
        request[0] = 0x23;                                         // LI 0, version 4, mode 3
        WriteNtpTime(request.AsSpan(40), at);                      // transmit timestamp
        var reply = new byte[48];
        reply[0] = 0x24;                                           // LI 0, version 4, mode 4
        reply[1] = 2;                                              // stratum
        reply[2] = 6;                                              // poll 64 s
        reply[3] = 0xEC;                                           // precision
        "LOCL"u8.CopyTo(reply.AsSpan(12));
        var answered = at.Add(TimeSpan.FromMicroseconds(random.Next(150, 600)));
        WriteNtpTime(reply.AsSpan(16), at.Add(TimeSpan.FromSeconds(-30)));
        request.AsSpan(40, 8).CopyTo(reply.AsSpan(24));            // origin = client's transmit
        WriteNtpTime(reply.AsSpan(32), at);
        WriteNtpTime(reply.AsSpan(40), answered);
        sim.Emit(at, Frames.Udp(client, NtpPort, server.Mac, server.Address, NtpPort, request));
        sim.Emit(answered, Frames.Udp(server, NtpPort, client.Mac, client.Address, NtpPort, reply));
        return answered;
    }

    /// <summary>NTP timestamp: seconds since 1900 (32 bits) and binary fraction (32 bits).</summary>
    private static void WriteNtpTime(Span<byte> destination, Timestamp time)
    {
        const long EraOffset = 2_208_988_800L;
        long ns = time.UnixNanoseconds;
        long seconds = Math.DivRem(ns, 1_000_000_000L, out long rest);
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)(seconds + EraOffset));
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], (uint)((rest << 32) / 1_000_000_000L));
    }
}
