using System.Text;
using System.Text.Json;
using OtSensor.Core.Parsing;
using OtSensor.Protocols.Modbus;
using OtSensor.TestKit;
using Xunit.Abstractions;

namespace OtSensor.Protocols.Tests.Modbus;

/// <summary>
/// Function-code histograms of the public Modbus captures, decoded naively (TCP payloads in capture order per
/// flow direction, no retransmission handling), compared with tshark's <c>modbus.func_code</c>.
/// </summary>
public class ModbusCaptureTests(ITestOutputHelper output)
{
    /// <summary>Captures whose histogram equals tshark's exactly with this naive feed.</summary>
    /// <remarks>
    /// The others differ for understood reasons (checked with tshark 4.0 on the capture):
    /// ModbusTCP +8 fc2, modbus_test_2 +926 fc4, fuzz-1011 +1 fc4, modbusBig +1 fc1: TCP retransmissions
    /// (tshark flags them and does not dissect them again; this feed has no retransmission handling).
    /// modbus_test_data_part1 +1 fc42: frame 113 repeats frame 111's response (fc 42, unassigned) with a new
    /// sequence number; tshark shows it as bare TCP, we decode it (flagged UnknownFunction, UnsolicitedResponse).
    /// </remarks>
    private static readonly string[] ExactMatches =
    [
        "ICS-Security-Tools__modbus_test.pcap",
        "ICS-Security-Tools__modbus_test_data_part2.pcap",
        "icsnpp-modbus__modbus_example.pcap",
        "suricata-verify__modbus.pcap",
        "zeek__4SICS-GeekLounge-151022-min.pcap",
        "zeek__modbus-and-non-modbus-p502.pcap",
        "zeek__modbus-eit.pcap",
        "zeek__modbusSmall.pcap",
    ];

    public static Dictionary<int, int> Decode(string path, out int streamAnomalies)
    {
        var histogram = new Dictionary<int, int>();
        var sessions = new Dictionary<(uint, ushort, uint, ushort), (ModbusSession Session, StreamFeeder Feeder, RecordingSink Sink)>();
        var notModbus = new HashSet<(uint, ushort, uint, ushort)>();
        foreach (var segment in TestPcapTcpPayloads.Read(path))
        {
            Direction direction;
            (uint, ushort, uint, ushort) key;
            if (segment.DstPort == ModbusConstants.DefaultPort)
            {
                direction = Direction.ToServer;
                key = (segment.SrcIP, segment.SrcPort, segment.DstIP, segment.DstPort);
            }
            else if (segment.SrcPort == ModbusConstants.DefaultPort)
            {
                direction = Direction.ToClient;
                key = (segment.DstIP, segment.DstPort, segment.SrcIP, segment.SrcPort);
            }
            else
            {
                continue;
            }

            if (notModbus.Contains(key)) continue;
            if (!sessions.TryGetValue(key, out var flow))
            {
                // Emulates the engine's protocol detection: a flow whose first payload does not look like
                // Modbus never gets a session (port 502 alone is not trusted).
                if (ModbusProbe.Probe(segment.Payload, direction) == ProbeResult.Unrecognized)
                {
                    notModbus.Add(key);
                    continue;
                }
                var sink = new RecordingSink();
                var session = new ModbusSession();
                flow = (session, new StreamFeeder(session, sink), sink);
                sessions[key] = flow;
            }
            flow.Feeder.Feed(direction, segment.Payload);
        }

        streamAnomalies = 0;
        foreach (var flow in sessions.Values)
        {
            streamAnomalies += flow.Sink.StreamAnomalies.Count;
            foreach (var message in flow.Sink.Messages)
                histogram[message.Function] = histogram.GetValueOrDefault(message.Function) + 1;
        }
        return histogram;
    }

    public static Dictionary<int, int> Truth(string capture)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(capture + ".tshark.json"));
        var result = new Dictionary<int, int>();
        if (doc.RootElement.GetProperty("details").TryGetProperty("modbus", out var modbus)
            && modbus.TryGetProperty("modbus.func_code", out var codes))
        {
            foreach (var p in codes.EnumerateObject()) result[int.Parse(p.Name)] = p.Value.GetInt32();
        }
        return result;
    }

    private static string Diff(Dictionary<int, int> ours, Dictionary<int, int> truth)
    {
        var text = new StringBuilder();
        foreach (int code in ours.Keys.Union(truth.Keys).Order())
        {
            int a = ours.GetValueOrDefault(code), b = truth.GetValueOrDefault(code);
            if (a != b) text.Append($" fc{code}: ours {a} tshark {b};");
        }
        return text.ToString();
    }

    [Fact]
    public void Decode_EveryPublicCapture_NeverThrowsAndReportsDifferences()
    {
        if (SharedCaptures.PublicRoot is null) return; // captures live beside the clone; absent in a bare checkout
        foreach (var capture in SharedCaptures.Captures("modbus"))
        {
            var ours = Decode(capture, out int anomalies);
            var truth = Truth(capture);
            string diff = Diff(ours, truth);
            output.WriteLine($"{Path.GetFileName(capture)}: {ours.Values.Sum()} ADUs vs tshark {truth.Values.Sum()}, stream anomalies {anomalies}{(diff.Length == 0 ? " (exact)" : diff)}");
        }
    }

    [Fact]
    public void Decode_CapturesKnownToMatch_EqualTsharkHistogram()
    {
        if (SharedCaptures.PublicRoot is null) return;
        foreach (string name in ExactMatches)
        {
            string capture = Path.Combine(SharedCaptures.PublicFolder("modbus"), name);
            var ours = Decode(capture, out _);
            Assert.True(Diff(ours, Truth(capture)).Length == 0, name + Diff(ours, Truth(capture)));
        }
    }
}
