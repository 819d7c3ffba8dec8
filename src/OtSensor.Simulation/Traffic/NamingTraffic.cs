using System.Buffers.Binary;
using System.Text;
using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Traffic;

/// <summary>
/// The IT chatter through which hosts name themselves: a DHCP lease (RFC 2131 DORA, RFC 2132 options), a NetBIOS name
/// registration (RFC 1002 §4.2.2), LLDP advertisements (IEEE 802.1AB §8) and a web request with its Server header.
/// </summary>
public static class NamingTraffic
{
    private static readonly MacAddress LldpMulticast = new(0x0180_C200_000EUL);

    /// <summary>Discover, Offer, Request, Ack between <paramref name="client"/> (still at 0.0.0.0) and <paramref name="server"/>.</summary>
    public static Timestamp DhcpLease(Simulator sim, Timestamp at, Host client, Host server, Host router, Random random)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(random);
        var unaddressed = new Host(client.Name, client.Mac, 0, client.Kind, client.PurdueLevel) { Ttl = client.Ttl };
        unaddressed.SeedCounters(random);
        uint xid = (uint)random.Next();
        const uint broadcast = 0xFFFF_FFFF;
        byte[] name = Encoding.ASCII.GetBytes(client.Name);
        byte[] clientOptions(byte type, bool request) =>
        [
            53, 1, type,
            61, 7, 1, .. MacBytes(client.Mac),
            12, (byte)name.Length, .. name,
            60, 8, .. "MSFT 5.0"u8,
            55, 4, 1, 3, 6, 15,
            .. request ? (byte[])[50, 4, .. Ip(client.Address), 54, 4, .. Ip(server.Address)] : [],
        ];
        byte[] serverOptions(byte type) =>
        [
            53, 1, type,
            54, 4, .. Ip(server.Address),
            51, 4, 0x00, 0x01, 0x51, 0x80,                     // lease 86400 s
            1, 4, 255, 255, 255, 0,
            3, 4, .. Ip(router.Address),
            6, 4, .. Ip(server.Address),
        ];
        var t = at;
        sim.Emit(t, Frames.Udp(unaddressed, 68, MacAddress.Broadcast, broadcast, 67, Bootp(1, xid, 0, client.Mac, clientOptions(1, false))));
        t = t.Add(TimeSpan.FromMilliseconds(2));
        sim.Emit(t, Frames.Udp(server, 67, MacAddress.Broadcast, broadcast, 68, Bootp(2, xid, client.Address, client.Mac, serverOptions(2))));
        t = t.Add(TimeSpan.FromMilliseconds(3));
        sim.Emit(t, Frames.Udp(unaddressed, 68, MacAddress.Broadcast, broadcast, 67, Bootp(1, xid, 0, client.Mac, clientOptions(3, true))));
        t = t.Add(TimeSpan.FromMilliseconds(2));
        sim.Emit(t, Frames.Udp(server, 67, MacAddress.Broadcast, broadcast, 68, Bootp(2, xid, client.Address, client.Mac, serverOptions(5))));
        foreach (int type in new[] { 1, 2, 3, 5 }) sim.Manifest.CountPdu("dhcp", type);
        return t;
    }

    /// <summary>A NetBIOS name registration of the host's workstation name (suffix 0x00), broadcast on UDP 137.</summary>
    public static void NetBiosRegistration(Simulator sim, Timestamp at, Host host, Random random)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(random);
        var name = new byte[34];
        name[0] = 32;
        var padded = host.Name.ToUpperInvariant().PadRight(15)[..15] + "\0";
        for (int i = 0; i < 16; i++)
        {
            name[1 + (2 * i)] = (byte)('A' + (padded[i] >> 4));
            name[2 + (2 * i)] = (byte)('A' + (padded[i] & 0x0F));
        }
        ushort id = (ushort)random.Next(0, 65536);
        byte[] packet =
        [
            (byte)(id >> 8), (byte)id, 0x29, 0x10,              // opcode 5 (registration), RD, broadcast
            0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,     // one question, one additional record
            .. name, 0x00, 0x20, 0x00, 0x01,                    // question: name (terminator included), type NB, class IN
            0xC0, 0x0C, 0x00, 0x20, 0x00, 0x01,                 // additional: pointer to the name, NB, IN
            0x00, 0x04, 0x93, 0xE0, 0x00, 0x06,                 // TTL 300000 s, 6 octets
            0x00, 0x00, .. Ip(host.Address),                    // NB flags (unique, B-node), address
        ];
        sim.Emit(at, Frames.Udp(host, 137, MacAddress.Broadcast, host.Address | 0xFF, 137, packet));
        sim.Manifest.CountPdu("netbios", 5);
    }

    /// <summary>An LLDP advertisement: chassis (MAC), port, TTL, system name and description, end.</summary>
    public static void Lldp(Simulator sim, Timestamp at, Host device, string port, string description)
    {
        ArgumentNullException.ThrowIfNull(device);
        var tlvs = new List<byte>();
        Tlv(tlvs, 1, [4, .. MacBytes(device.Mac)]);
        Tlv(tlvs, 2, [5, .. Encoding.ASCII.GetBytes(port)]);
        Tlv(tlvs, 3, [0x00, 0x78]);
        Tlv(tlvs, 5, Encoding.ASCII.GetBytes(device.Name));
        Tlv(tlvs, 6, Encoding.ASCII.GetBytes(description));
        Tlv(tlvs, 0, []);
        sim.Emit(at, Frames.Ethernet(LldpMulticast, device.Mac, 0x88CC, [.. tlvs]));
        sim.Manifest.CountPdu("lldp", -1);
    }

    /// <summary>A browser GET to a web server and its 200 answer with a Server header.</summary>
    public static Timestamp HttpGet(Simulator sim, TcpConnection tcp, Timestamp at, string host, string path, string server, Random random)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(tcp);
        ArgumentNullException.ThrowIfNull(random);
        var body = $"{{\"tag\":\"{path}\",\"value\":{random.Next(0, 1000)}}}";
        var request = Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64)\r\nAccept: application/json\r\n\r\n");
        var response = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nServer: {server}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n{body}");
        var t = tcp.Open(at, Talk.Rtt);
        t = tcp.Exchange(t.Add(TimeSpan.FromMilliseconds(1)), request, response, TimeSpan.FromMilliseconds(8), Talk.Rtt);
        sim.Manifest.CountPdu("http", 1);
        sim.Manifest.CountPdu("http", 200);
        return tcp.Close(t.Add(TimeSpan.FromMilliseconds(30)), Talk.Rtt);
    }

    private static byte[] Bootp(byte op, uint xid, uint yiaddr, MacAddress chaddr, byte[] options)
    {
        var packet = new byte[236 + 4 + options.Length + 1];
        packet[0] = op;
        packet[1] = 1;                                           // Ethernet
        packet[2] = 6;
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), xid);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(10), 0x8000); // broadcast flag
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(16), yiaddr);
        chaddr.WriteTo(packet.AsSpan(28));
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(236), 0x63825363);
        options.CopyTo(packet.AsSpan(240));
        packet[^1] = 255;                                        // end
        return packet;
    }

    private static void Tlv(List<byte> into, int type, byte[] value)
    {
        into.Add((byte)((type << 1) | (value.Length >> 8)));
        into.Add((byte)value.Length);
        into.AddRange(value);
    }

    private static byte[] MacBytes(MacAddress mac)
    {
        var bytes = new byte[6];
        mac.WriteTo(bytes);
        return bytes;
    }

    private static byte[] Ip(uint address) => [(byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address];
}
