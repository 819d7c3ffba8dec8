using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.TestKit.Pcaps;
using OtSensor.TestKit.Synthetic;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Modbus over UDP through the whole engine. No public capture holds Modbus/UDP (no truth file has udp/502 or an
/// mbudp PDU), so the capture is synthetic: a request/response exchange on UDP 502 and one on a non-standard port
/// (found by content). tshark 4.0.17 decodes the UDP 502 exchanges of these frames as mbudp with the same function
/// codes (3, 3, 6, 6; checked by hand); it leaves the port 1502 pair undecoded.
/// </summary>
public sealed class ModbusUdpEngineTests
{
    private static readonly MacAddress ClientMac = new(0x00_80_F4_00_00_01UL), ServerMac = new(0x00_80_F4_00_00_02UL);
    private static readonly uint Client = FrameBuilder.IPv4(10, 0, 0, 1), Server = FrameBuilder.IPv4(10, 0, 0, 2);

    [Fact]
    public void Analyze_ModbusOverUdp_RecordsModbusPdusPairedAndUnflagged()
    {
        var t = Timestamp.FromDateTime(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var frames = new List<(Timestamp, byte[])>();
        void Exchange(ushort clientPort, ushort serverPort, byte[] request, byte[] response)
        {
            t = t.Add(TimeSpan.FromMilliseconds(10));
            frames.Add((t, FrameBuilder.Udp(ClientMac, ServerMac, Client, Server, clientPort, serverPort, request)));
            t = t.Add(TimeSpan.FromMilliseconds(2));
            frames.Add((t, FrameBuilder.Udp(ServerMac, ClientMac, Server, Client, serverPort, clientPort, response)));
        }

        byte[] readRequest =
        [
            0x00, 0x07, 0x00, 0x00, 0x00, 0x06, // MBAP: transaction 7, protocol 0, length 6
            0x11,                               // unit 17
            0x03, 0x00, 0x6B, 0x00, 0x03,       // FC 3 read holding registers 107, quantity 3
        ];
        byte[] readResponse =
        [
            0x00, 0x07, 0x00, 0x00, 0x00, 0x09, 0x11, // MBAP: transaction 7, length 9, unit 17
            0x03, 0x06,                               // FC 3, byte count 6
            0x02, 0x2B, 0x00, 0x00, 0x00, 0x64,       // three registers
        ];
        byte[] writeRequest =
        [
            0x00, 0x08, 0x00, 0x00, 0x00, 0x06, 0x11, // MBAP: transaction 8, length 6, unit 17
            0x06, 0x00, 0x01, 0x00, 0x03,             // FC 6 write register 1 = 3
        ];
        Exchange(40000, 502, readRequest, readResponse);
        Exchange(40001, 502, writeRequest, writeRequest); // FC 6 response echoes the request
        Exchange(40002, 1502, readRequest, readResponse);  // not the well-known port: recognised by content

        string dir = Directory.CreateTempSubdirectory("otsensor-mbudp-").FullName;
        try
        {
            string path = PcapWriter.WriteFile(Path.Combine(dir, "modbus-udp.pcap"), LinkType.Ethernet, frames);
            using var run = new AnalyzeRunner(path);
            var events = EventLog.Read(run.EventsPath).ToList();
            var histogram = EventLog.Histogram(events, "modbus", "function");
            Assert.Equal(new SortedDictionary<int, int> { [3] = 4, [6] = 2 }, histogram);
            Assert.All(events, e => Assert.Equal(0, e.GetProperty("anomalies").GetArrayLength()));
            Assert.Equal(3, events.Count(e => e.TryGetProperty("paired", out var paired) && paired.GetBoolean()));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
