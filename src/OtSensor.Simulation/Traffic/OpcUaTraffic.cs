using System.Buffers.Binary;
using System.Text;
using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Traffic;

/// <summary>
/// An OPC UA client discovering a server's endpoints over opc.tcp (OPC 10000-6 §7.1 Hello/Acknowledge; §6.7 OPN with
/// SecurityPolicy None, MSG, CLO; OPC 10000-4 §5.4.4 GetEndpoints), binary encoding of §5.2 (little-endian, Strings
/// as Int32 length + UTF-8, NodeIds in the four-byte form for the service encodings).
/// </summary>
public static class OpcUaTraffic
{
    public const ushort Port = 4840;
    private const string PolicyNone = "http://opcfoundation.org/UA/SecurityPolicy#None";

    /// <summary>HEL/ACK, OPN, GetEndpoints, CLO, then TCP close; counted as the decoder records them (function = service id).</summary>
    public static Timestamp DiscoverEndpoints(Simulator sim, TcpConnection tcp, Timestamp at, Host server, Random random)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(tcp);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(random);
        string url = $"opc.tcp://{server.Name.ToLowerInvariant()}:{Port}/";
        uint channel = (uint)random.Next(1, int.MaxValue);
        uint token = (uint)random.Next(1, int.MaxValue);
        var t = tcp.Open(at, Talk.Rtt);

        var hello = new Writer();
        hello.U32(0).U32(65536).U32(65536).U32(0).U32(0).Str(url);
        var ack = new Writer();
        ack.U32(0).U32(65536).U32(65536).U32(16 * 1024 * 1024).U32(5000);
        t = tcp.Exchange(t.Add(TimeSpan.FromMilliseconds(1)), Frame("HEL", hello), Frame("ACK", ack), Talk.ServerDelay(random), Talk.Rtt);
        sim.Manifest.CountPdu("opcua", -1, 2);

        var opn = new Writer();
        opn.U32(0).Str(PolicyNone).Null().Null().U32(1).U32(1).Id(446).RequestHeader(at, 1).U32(0).U32(0).U32(1).Null().U32(3_600_000);
        var opnResponse = new Writer();
        opnResponse.U32(channel).Str(PolicyNone).Null().Null().U32(1).U32(1).Id(449).ResponseHeader(at, 1)
            .U32(0).U32(channel).U32(token).Time(at).U32(3_600_000).Null();
        t = tcp.Exchange(t.Add(TimeSpan.FromMilliseconds(1)), Frame("OPN", opn), Frame("OPN", opnResponse), Talk.ServerDelay(random), Talk.Rtt);
        sim.Manifest.CountPdu("opcua", 446);
        sim.Manifest.CountPdu("opcua", 449);

        var get = new Writer();
        get.U32(channel).U32(token).U32(2).U32(2).Id(428).RequestHeader(at, 2).Str(url).I32(-1).I32(-1);
        var endpoints = new Writer();
        endpoints.U32(channel).U32(token).U32(2).U32(2).Id(431).ResponseHeader(at, 2).I32(1)
            .Str(url)                                                   // EndpointDescription.EndpointUrl
            .Str($"urn:{server.Name}:Historian").Str("urn:plant:historian-opc").LocalizedText($"{server.Name} OPC UA Server")
            .I32(0).Null().Null().I32(1).Str(url)                       // ApplicationType Server, gateway, profile, DiscoveryUrls
            .Null()                                                     // ServerCertificate
            .I32(1).Str(PolicyNone)                                     // SecurityMode None, SecurityPolicyUri
            .I32(1).Str("anonymous").I32(0).Null().Null().Null()        // one anonymous UserTokenPolicy
            .Str("http://opcfoundation.org/UA-Profile/Transport/uatcp-uasc-uabinary").Byte(0);
        t = tcp.Exchange(t.Add(TimeSpan.FromMilliseconds(1)), Frame("MSG", get), Frame("MSG", endpoints), Talk.ServerDelay(random), Talk.Rtt);
        sim.Manifest.CountPdu("opcua", 428);
        sim.Manifest.CountPdu("opcua", 431);

        var close = new Writer();
        close.U32(channel).U32(token).U32(3).U32(3).Id(452).RequestHeader(at, 3);
        t = tcp.Send(t.Add(TimeSpan.FromMilliseconds(1)), fromClient: true, Frame("CLO", close));
        sim.Manifest.CountPdu("opcua", 452);
        return tcp.Close(t.Add(TimeSpan.FromMilliseconds(1)), Talk.Rtt);
    }

    /// <summary>Message header: type, chunk 'F', total size (OPC 10000-6 §7.1.2.2 / §6.7.2.2).</summary>
    private static byte[] Frame(string type, Writer body)
    {
        var bytes = body.ToArray();
        var frame = new byte[8 + bytes.Length];
        Encoding.ASCII.GetBytes(type, frame);
        frame[3] = (byte)'F';
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), (uint)frame.Length);
        bytes.CopyTo(frame, 8);
        return frame;
    }

    /// <summary>OPC UA binary encoding (OPC 10000-6 §5.2), little-endian.</summary>
    private sealed class Writer
    {
        private readonly List<byte> _bytes = [];

        public byte[] ToArray() => [.. _bytes];

        public Writer Byte(byte value) { _bytes.Add(value); return this; }

        public Writer U32(uint value) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, value); _bytes.AddRange(b); return this; }

        public Writer I32(int value) => U32((uint)value);

        /// <summary>A null String or ByteString: length -1.</summary>
        public Writer Null() => I32(-1);

        public Writer Str(string value) { var b = Encoding.UTF8.GetBytes(value); I32(b.Length); _bytes.AddRange(b); return this; }

        /// <summary>Four-byte NodeId form: 0x01, namespace 0, UInt16 identifier.</summary>
        public Writer Id(ushort id) { _bytes.AddRange([0x01, 0x00, (byte)id, (byte)(id >> 8)]); return this; }

        /// <summary>DateTime: 100 ns ticks since 1601-01-01 (§5.2.2.5).</summary>
        public Writer Time(Timestamp at)
        {
            long ticks = (at.UnixNanoseconds / 100) + 116_444_736_000_000_000L;
            Span<byte> b = stackalloc byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(b, ticks);
            _bytes.AddRange(b);
            return this;
        }

        public Writer LocalizedText(string text) { Byte(0x02); return Str(text); }

        /// <summary>RequestHeader: null token, time, handle, diagnostics 0, audit id null, timeout, empty additional header.</summary>
        public Writer RequestHeader(Timestamp at, uint handle)
        {
            _bytes.AddRange([0x00, 0x00]);
            Time(at).U32(handle).U32(0).Null().U32(10000);
            _bytes.AddRange([0x00, 0x00, 0x00]);
            return this;
        }

        /// <summary>ResponseHeader: time, handle, Good, no diagnostics, empty string table, empty additional header.</summary>
        public Writer ResponseHeader(Timestamp at, uint handle)
        {
            Time(at).U32(handle).U32(0);
            _bytes.Add(0x00);
            I32(-1);
            _bytes.AddRange([0x00, 0x00, 0x00]);
            return this;
        }
    }
}
