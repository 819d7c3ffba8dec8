using System.Buffers.Binary;
using System.Text;
using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Traffic;

/// <summary>
/// The opening of a TLS 1.2 session (RFC 5246 §7.4.1: record type 22 handshake; ClientHello with the server_name
/// extension of RFC 6066 §3; ServerHello), enough for a sensor to see who was contacted by name.
/// </summary>
public static class TlsTraffic
{
    public const ushort Port = 443;

    /// <summary>Handshake, ClientHello naming <paramref name="serverName"/>, ServerHello, then the client closes.</summary>
    public static Timestamp Hello(Simulator sim, TcpConnection tcp, Timestamp at, string serverName, Random random)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(tcp);
        ArgumentNullException.ThrowIfNull(random);
        var t = tcp.Open(at, TimeSpan.FromMilliseconds(40));
        t = tcp.Exchange(t.Add(TimeSpan.FromMilliseconds(1)), ClientHello(serverName, random), ServerHello(random), TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(40));
        sim.Manifest.CountPdu("tls", 1);                          // ClientHello
        sim.Manifest.CountPdu("tls", 2);                          // ServerHello
        return tcp.Close(t.Add(TimeSpan.FromMilliseconds(100)), TimeSpan.FromMilliseconds(40));
    }

    private static byte[] ClientHello(string serverName, Random random)
    {
        var name = Encoding.ASCII.GetBytes(serverName);
        var body = new List<byte> { 0x03, 0x03 };                 // client_version TLS 1.2
        var nonce = new byte[32];
        random.NextBytes(nonce);
        body.AddRange(nonce);
        body.Add(0);                                               // session id: empty
        body.AddRange([0x00, 0x04, 0xC0, 0x2F, 0xC0, 0x30]);       // cipher suites: ECDHE-RSA-AES128/256-GCM
        body.AddRange([0x01, 0x00]);                               // compression: null
        int serverNameList = 3 + name.Length;
        int extension = 2 + serverNameList;
        body.AddRange([(byte)((4 + extension) >> 8), (byte)(4 + extension)]); // extensions length
        body.AddRange([0x00, 0x00, (byte)(extension >> 8), (byte)extension]); // server_name
        body.AddRange([(byte)(serverNameList >> 8), (byte)serverNameList, 0x00, (byte)(name.Length >> 8), (byte)name.Length]);
        body.AddRange(name);
        return Record(1, [.. body]);
    }

    private static byte[] ServerHello(Random random)
    {
        var body = new byte[2 + 32 + 1 + 2 + 1];
        body[0] = 0x03;
        body[1] = 0x03;
        random.NextBytes(body.AsSpan(2, 32));
        body[34] = 0;                                              // session id: empty
        body[35] = 0xC0;
        body[36] = 0x2F;                                           // chosen cipher suite
        body[37] = 0;                                              // compression: null
        return Record(2, body);
    }

    private static byte[] Record(byte handshakeType, byte[] body)
    {
        var record = new byte[5 + 4 + body.Length];
        record[0] = 22;                                            // handshake
        record[1] = 0x03;
        record[2] = 0x01;
        BinaryPrimitives.WriteUInt16BigEndian(record.AsSpan(3), (ushort)(4 + body.Length));
        record[5] = handshakeType;
        record[6] = (byte)(body.Length >> 16);
        record[7] = (byte)(body.Length >> 8);
        record[8] = (byte)body.Length;
        body.CopyTo(record.AsSpan(9));
        return record;
    }
}
