using System.Buffers.Binary;
using System.Text;
using OtSensor.Core.Net;
using OtSensor.Core.Time;

namespace OtSensor.TestKit.Synthetic;

/// <summary>
/// A small, deterministic Modbus/TCP plant for the bundled demo capture (<c>pcaps/demo/modbus-plant.pcap</c>):
/// an HMI polls three PLCs twice a second, a historian reads them every two seconds, and an engineering
/// workstation reads each PLC's device identification (43/14), writes set points (6, 16) and provokes one
/// exception (illegal data address). Same seed, same bytes.
/// </summary>
public static class ModbusDemoPlant
{
    public static readonly Timestamp Start = Timestamp.FromDateTime(new DateTime(2026, 1, 15, 8, 0, 0, DateTimeKind.Utc));

    private static readonly (string Vendor, string Product, string Revision)[] Identities =
    [
        ("Schneider Electric", "BMX P34 2020", "v3.20"),
        ("Schneider Electric", "TM241CE40R", "v5.1.9.34"),
        ("WAGO", "750-8202 PFC200", "03.10.08"),
    ];

    public static List<(Timestamp ts, byte[] data)> Generate(int seed = 1, int seconds = 60) => Generate(seed, seconds, Start, 0);

    /// <summary>The plant starting at <paramref name="start"/>, with client ports moved by <paramref name="portShift"/> (for tiling long captures).</summary>
    public static List<(Timestamp ts, byte[] data)> Generate(int seed, int seconds, Timestamp start, int portShift)
    {
        var random = new Random(seed);
        var frames = new List<(Timestamp, byte[])>();
        var hmi = new TcpEndpoint(Mac(0x10), FrameBuilder.IPv4(10, 10, 20, 10), (ushort)(49152 + portShift));
        var historian = new TcpEndpoint(Mac(0x20), FrameBuilder.IPv4(10, 10, 20, 20), (ushort)(50123 + portShift));
        var engineering = new TcpEndpoint(Mac(0x50), FrameBuilder.IPv4(10, 10, 20, 50), (ushort)(51000 + portShift));
        var plcs = new TcpEndpoint[3];
        for (int i = 0; i < plcs.Length; i++)
            plcs[i] = new TcpEndpoint(Mac(0xA0 + i), FrameBuilder.IPv4(10, 10, 10, (byte)(11 + i)), 502);

        // Who-has for each PLC from the HMI, answered.
        var t = start;
        foreach (var plc in plcs)
        {
            frames.Add((t, FrameBuilder.Arp(1, hmi.Mac, hmi.Address, default, plc.Address, MacAddress.Broadcast)));
            t = t.Add(TimeSpan.FromMilliseconds(1));
            frames.Add((t, FrameBuilder.Arp(2, plc.Mac, plc.Address, hmi.Mac, hmi.Address, hmi.Mac)));
            t = t.Add(TimeSpan.FromMilliseconds(1));
        }

        var rtt = TimeSpan.FromMilliseconds(0.4);
        var events = new List<(Timestamp At, Action Act)>();
        ushort transaction = 1;
        for (int i = 0; i < plcs.Length; i++)
        {
            var plc = plcs[i];
            byte unit = (byte)(i + 1);
            var hmiLink = new TcpConversation(hmi with { Port = (ushort)(hmi.Port + i) }, plc, (uint)random.Next(), (uint)random.Next(), frames);
            var histLink = new TcpConversation(historian with { Port = (ushort)(historian.Port + i) }, plc, (uint)random.Next(), (uint)random.Next(), frames);
            var engLink = new TcpConversation(engineering with { Port = (ushort)(engineering.Port + i) }, plc, (uint)random.Next(), (uint)random.Next(), frames);
            var open = start.Add(TimeSpan.FromMilliseconds(10 + (i * 3)));
            events.Add((open, () => hmiLink.Handshake(open, rtt)));
            events.Add((open.Add(TimeSpan.FromMilliseconds(1)), () => histLink.Handshake(open.Add(TimeSpan.FromMilliseconds(1)), rtt)));

            for (int cycle = 0; cycle < seconds * 2; cycle++)
            {
                var at = open.Add(TimeSpan.FromMilliseconds(100 + (cycle * 500) + random.Next(0, 20)));
                int fc = (cycle % 3) switch { 0 => 3, 1 => 1, _ => 4 };
                ushort tid = transaction++;
                var request = ReadRequest(tid, unit, (byte)fc, (ushort)(fc == 1 ? 0 : 100), (ushort)(fc == 1 ? 16 : 10));
                var response = ReadResponse(tid, unit, (byte)fc, fc == 1 ? 2 : 20, random);
                var atResponse = at.Add(TimeSpan.FromMilliseconds(2 + random.NextDouble()));
                events.Add((at, () => hmiLink.Send(at, true, request)));
                events.Add((atResponse, () => hmiLink.Send(atResponse, false, response)));
                events.Add((atResponse.Add(rtt), () => hmiLink.Acknowledge(atResponse.Add(rtt), true)));
            }

            for (int cycle = 0; cycle < seconds / 2; cycle++)
            {
                var at = open.Add(TimeSpan.FromMilliseconds(250 + (cycle * 2000) + random.Next(0, 40)));
                ushort tid = transaction++;
                var request = ReadRequest(tid, unit, 3, 0, 50);
                var response = ReadResponse(tid, unit, 3, 100, random);
                var atResponse = at.Add(TimeSpan.FromMilliseconds(3 + random.NextDouble()));
                events.Add((at, () => histLink.Send(at, true, request)));
                events.Add((atResponse, () => histLink.Send(atResponse, false, response)));
                events.Add((atResponse.Add(rtt), () => histLink.Acknowledge(atResponse.Add(rtt), true)));
            }

            // Engineering session in the middle of the capture: identify, write, one rejected write, close.
            var eng = open.Add(TimeSpan.FromSeconds(seconds / 2.0));
            var (vendor, product, revision) = Identities[i];
            var steps = new List<(byte[] Request, byte[] Response)>
            {
                (Pdu(transaction, unit, [0x2B, 0x0E, 0x01, 0x00]), Pdu(transaction++, unit, DeviceIdentification(vendor, product, revision))),
                (Pdu(transaction, unit, [0x06, 0x00, 0x64, 0x01, 0xF4]), Pdu(transaction++, unit, [0x06, 0x00, 0x64, 0x01, 0xF4])),
                (Pdu(transaction, unit, [0x10, 0x00, 0x6E, 0x00, 0x02, 0x04, 0x00, 0x0A, 0x00, 0x14]), Pdu(transaction++, unit, [0x10, 0x00, 0x6E, 0x00, 0x02])),
                (Pdu(transaction, unit, [0x06, 0x27, 0x10, 0x00, 0x01]), Pdu(transaction++, unit, [0x86, 0x02])),
            };
            events.Add((eng, () => engLink.Handshake(eng, rtt)));
            for (int s = 0; s < steps.Count; s++)
            {
                var at = eng.Add(TimeSpan.FromMilliseconds(50 + (s * 200)));
                var atResponse = at.Add(TimeSpan.FromMilliseconds(4));
                var (request, response) = steps[s];
                events.Add((at, () => engLink.Send(at, true, request)));
                events.Add((atResponse, () => engLink.Send(atResponse, false, response)));
            }
            var close = eng.Add(TimeSpan.FromSeconds(2));
            events.Add((close, () => engLink.Close(close, rtt)));
            var end = start.Add(TimeSpan.FromSeconds(seconds + 1));
            events.Add((end, () => hmiLink.Close(end, rtt)));
            events.Add((end.Add(TimeSpan.FromMilliseconds(5)), () => histLink.Close(end.Add(TimeSpan.FromMilliseconds(5)), rtt)));
        }

        // Stable order: by time, then by insertion (List.Sort is not stable, so sort indices).
        var order = Enumerable.Range(0, events.Count).OrderBy(k => events[k].At).ThenBy(k => k).ToArray();
        foreach (var k in order) events[k].Act();
        return [.. frames.Select((frame, index) => (frame, index)).OrderBy(x => x.frame.Item1).ThenBy(x => x.index).Select(x => x.frame)];
    }

    private static MacAddress Mac(int last) => new(0x00_80_F4_00_00_00UL | (uint)last);

    private static byte[] ReadRequest(ushort tid, byte unit, byte fc, ushort address, ushort quantity)
    {
        var pdu = new byte[5];
        pdu[0] = fc;
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(1), address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(3), quantity);
        return Pdu(tid, unit, pdu);
    }

    private static byte[] ReadResponse(ushort tid, byte unit, byte fc, int byteCount, Random random)
    {
        var pdu = new byte[2 + byteCount];
        pdu[0] = fc;
        pdu[1] = (byte)byteCount;
        random.NextBytes(pdu.AsSpan(2));
        return Pdu(tid, unit, pdu);
    }

    /// <summary>MBAP header (transaction, protocol 0, length, unit) in front of a PDU (Modbus/TCP guide §3.1.3).</summary>
    private static byte[] Pdu(ushort tid, byte unit, ReadOnlySpan<byte> pdu)
    {
        var adu = new byte[7 + pdu.Length];
        BinaryPrimitives.WriteUInt16BigEndian(adu, tid);
        BinaryPrimitives.WriteUInt16BigEndian(adu.AsSpan(4), (ushort)(pdu.Length + 1));
        adu[6] = unit;
        pdu.CopyTo(adu.AsSpan(7));
        return adu;
    }

    /// <summary>Read Device Identification response, basic objects 0–2 (Modbus spec §6.21).</summary>
    private static byte[] DeviceIdentification(string vendor, string product, string revision)
    {
        var body = new List<byte> { 0x2B, 0x0E, 0x01, 0x01, 0x00, 0x00, 0x03 };
        byte id = 0;
        foreach (var value in new[] { vendor, product, revision })
        {
            var bytes = Encoding.ASCII.GetBytes(value);
            body.Add(id++);
            body.Add((byte)bytes.Length);
            body.AddRange(bytes);
        }
        return [.. body];
    }
}
