using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Core.Time;
using OtSensor.Engine;
using OtSensor.Protocols.Dnp3;
using OtSensor.TestKit.Synthetic;

namespace OtSensor.Integration.Tests.Engine;

/// <summary>
/// DNP3 roles come from the link DIR bit (IEEE 1815-2012 §9.2.4.1.3.3: 1 = from the master), not from the
/// transport: a dial-out outstation opens the TCP connection to its master's port 20000, and on UDP whoever
/// speaks first becomes the flow's client. In both cases the master must stay the master in the inventory and
/// the outstation's fragments must stay responses in the event records.
/// </summary>
public sealed class Dnp3SenderRoleThroughEngineTests
{
    private const ushort MasterAddress = 1;
    private const ushort OutstationAddress = 10;
    private static readonly TcpEndpoint Master = new(new MacAddress(0x0080F4000010), FrameBuilder.IPv4(10, 0, 0, 10), Dnp3Constants.DefaultPort);
    private static readonly TcpEndpoint Outstation = new(new MacAddress(0x0080F40000A0), FrameBuilder.IPv4(10, 0, 0, 20), 40000);

    // Unsolicited response, outstation → master:
    private static readonly byte[] Unsolicited = Dnp3Link(0x44, MasterAddress, OutstationAddress, // link: DIR 0, PRM 1, unconfirmed user data
    [
        0xC0,       // transport: FIN, FIR, sequence 0
        0xF0,       // application control: FIR, FIN, CON, UNS, sequence 0
        0x82,       // function 130 unsolicited response
        0x00, 0x00, // IIN: none set
    ]);

    // Its confirm, master → outstation:
    private static readonly byte[] Confirm = Dnp3Link(0xC4, OutstationAddress, MasterAddress, // link: DIR 1, PRM 1, unconfirmed user data
    [
        0xC0,       // transport: FIN, FIR, sequence 0
        0xD0,       // application control: FIR, FIN, UNS, sequence 0
        0x00,       // function 0 confirm
    ]);

    // Class 0 poll, master → outstation:
    private static readonly byte[] Read = Dnp3Link(0xC4, OutstationAddress, MasterAddress, // link: DIR 1, PRM 1, unconfirmed user data
    [
        0xC1,       // transport: FIN, FIR, sequence 1
        0xC1,       // application control: FIR, FIN, sequence 1
        0x01,       // function 1 read
        0x3C, 0x01, // object group 60 variation 1 (class 0 data)
        0x06,       // qualifier 0x06: all objects, no range
    ]);

    // Its response, outstation → master:
    private static readonly byte[] Response = Dnp3Link(0x44, MasterAddress, OutstationAddress, // link: DIR 0, PRM 1, unconfirmed user data
    [
        0xC1,       // transport: FIN, FIR, sequence 1
        0xC1,       // application control: FIR, FIN, sequence 1
        0x81,       // function 129 response
        0x00, 0x00, // IIN: none set
    ]);

    [Fact]
    public void OutstationOpensTcpConnection_MasterStaysMaster()
    {
        var frames = new List<(Timestamp, byte[])>();
        var t = Start;
        // The outstation is the TCP client: it dials its master's port 20000.
        var tcp = new TcpConversation(Outstation, Master, clientIsn: 5000, serverIsn: 9000, frames);
        tcp.Handshake(t, TimeSpan.FromMilliseconds(1));
        tcp.Send(t = t.Add(TimeSpan.FromMilliseconds(5)), fromClient: true, Unsolicited);
        tcp.Send(t = t.Add(TimeSpan.FromMilliseconds(5)), fromClient: false, Confirm);
        tcp.Send(t = t.Add(TimeSpan.FromMilliseconds(5)), fromClient: false, Read);
        tcp.Send(t = t.Add(TimeSpan.FromMilliseconds(5)), fromClient: true, Response);
        tcp.Close(t.Add(TimeSpan.FromMilliseconds(5)), TimeSpan.FromMilliseconds(1));

        AssertMasterIsMaster(frames, masterPort: Master.Port, outstationPort: Outstation.Port);
    }

    [Fact]
    public void OutstationSpeaksFirstOverUdp_MasterStaysMaster()
    {
        // DNP3 over UDP (IEEE 1815-2012 Annex E): both ends on port 20000, the outstation's unsolicited response first.
        var master = Master;
        var outstation = Outstation with { Port = Dnp3Constants.DefaultPort };
        var t = Start;
        var frames = new List<(Timestamp, byte[])>
        {
            (t = t.Add(TimeSpan.FromMilliseconds(5)), Udp(outstation, master, Unsolicited)),
            (t = t.Add(TimeSpan.FromMilliseconds(5)), Udp(master, outstation, Confirm)),
            (t = t.Add(TimeSpan.FromMilliseconds(5)), Udp(master, outstation, Read)),
            (t.Add(TimeSpan.FromMilliseconds(5)), Udp(outstation, master, Response)),
        };

        AssertMasterIsMaster(frames, masterPort: master.Port, outstationPort: outstation.Port);
    }

    private static readonly Timestamp Start = Timestamp.FromDateTime(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    private static void AssertMasterIsMaster(List<(Timestamp ts, byte[] data)> frames, ushort masterPort, ushort outstationPort)
    {
        using var observer = new RecordingObserver();
        var analyzer = new CaptureAnalyzer(new EngineOptions(), observer);
        long n = 0;
        foreach (var (ts, data) in frames) analyzer.Pipeline.ProcessFrame(data, LinkType.Ethernet, ts, ++n);
        analyzer.Pipeline.Complete();

        // Events: the outstation's fragments are responses from the server role, the master's requests from the client role.
        var pdus = observer.Pdus.Where(p => p.Protocol == ProtocolId.Dnp3)
            .Select(p => $"{(p.IsResponse ? "rsp" : "req")} fc{p.Function} from {p.Source}:{p.SourcePort} client={p.FromClient}")
            .ToList();
        Assert.Equal(
        [
            $"rsp fc130 from 10.0.0.20:{outstationPort} client=False",
            $"req fc0 from 10.0.0.10:{masterPort} client=True",
            $"req fc1 from 10.0.0.10:{masterPort} client=True",
            $"rsp fc129 from 10.0.0.20:{outstationPort} client=False",
        ], pdus);

        // Inventory: the master is the DNP3 client (master) only, the outstation the DNP3 server (outstation) only.
        Assert.True(analyzer.Inventory.TryGet(IPAddressBytes.FromIPv4(Master.Address), out var masterDevice));
        Assert.True(analyzer.Inventory.TryGet(IPAddressBytes.FromIPv4(Outstation.Address), out var outstationDevice));
        Assert.Equal((true, false), (masterDevice!.IsClientOf(ProtocolId.Dnp3), masterDevice.IsServerOf(ProtocolId.Dnp3)));
        Assert.Equal((false, true), (outstationDevice!.IsClientOf(ProtocolId.Dnp3), outstationDevice.IsServerOf(ProtocolId.Dnp3)));
    }

    private static byte[] Udp(TcpEndpoint from, TcpEndpoint to, byte[] payload)
        => FrameBuilder.Udp(from.Mac, to.Mac, from.Address, to.Address, from.Port, to.Port, payload);

    /// <summary>One link frame (IEEE 1815-2012 §9.2.4): start 0x0564, length, control, destination, source, header CRC, then one CRC per 16 user octets.</summary>
    private static byte[] Dnp3Link(byte control, ushort destination, ushort source, byte[] userData)
    {
        var frame = new List<byte> { 0x05, 0x64, (byte)(userData.Length + 5), control, (byte)destination, (byte)(destination >> 8), (byte)source, (byte)(source >> 8) };
        AddCrc(frame, 0);
        for (int i = 0; i < userData.Length; i += 16)
        {
            int start = frame.Count;
            frame.AddRange(userData.AsSpan(i, Math.Min(16, userData.Length - i)).ToArray());
            AddCrc(frame, start);
        }
        return [.. frame];
    }

    private static void AddCrc(List<byte> frame, int start)
    {
        ushort crc = Dnp3Crc.Compute(frame.GetRange(start, frame.Count - start).ToArray());
        frame.Add((byte)crc);
        frame.Add((byte)(crc >> 8));
    }
}
