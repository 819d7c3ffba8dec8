using System.Buffers.Binary;
using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.Engine;
using OtSensor.TestKit;
using OtSensor.TestKit.Synthetic;

namespace OtSensor.Integration.Tests.Engine;

/// <summary>
/// The whole path from frames to PDUs (decoder, flow table, TCP reassembly, Modbus session) on one Modbus/TCP
/// conversation whose request stream is cut into TCP segments every possible way: whole, split at every byte,
/// one byte per segment; then delivered out of order and with retransmissions. Every cut gives the same PDUs.
/// </summary>
public sealed class TcpStreamThroughEngineTests
{
    private static readonly TcpEndpoint Client = new(new MacAddress(0x0080F4000010), FrameBuilder.IPv4(10, 0, 0, 1), 40000);
    private static readonly TcpEndpoint Server = new(new MacAddress(0x0080F40000A0), FrameBuilder.IPv4(10, 0, 0, 2), 502);

    // Three requests back to back in one stream:
    private static readonly byte[] Requests =
    [
        0x00, 0x01, 0x00, 0x00, 0x00, 0x06, 0x01,              // MBAP: tid 1, proto 0, len 6, unit 1
        0x03, 0x00, 0x64, 0x00, 0x0A,                          // FC3 read holding registers @100 x10
        0x00, 0x02, 0x00, 0x00, 0x00, 0x06, 0x01,              // MBAP: tid 2
        0x06, 0x00, 0x10, 0x12, 0x34,                          // FC6 write single register @16 = 0x1234
        0x00, 0x03, 0x00, 0x00, 0x00, 0x0B, 0x01,              // MBAP: tid 3, len 11
        0x10, 0x00, 0x20, 0x00, 0x02, 0x04, 0xAB, 0xCD, 0x00, 0x01, // FC16 write 2 registers @32
    ];

    // Their responses, sent as one segment:
    private static readonly byte[] Responses =
    [
        0x00, 0x01, 0x00, 0x00, 0x00, 0x17, 0x01, 0x03, 0x14,  // tid 1: FC3, byte count 20
        0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8, 0, 9, 0, 10,
        0x00, 0x02, 0x00, 0x00, 0x00, 0x06, 0x01, 0x06, 0x00, 0x10, 0x12, 0x34, // tid 2: FC6 echo
        0x00, 0x03, 0x00, 0x00, 0x00, 0x03, 0x01, 0x90, 0x02,  // tid 3: exception 0x90, illegal data address
    ];

    public static TheoryData<string> Variants()
    {
        var data = new TheoryData<string>();
        foreach (var v in SplitVariants.Of(Requests)) data.Add(v.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void RequestStream_CutAnyWay_GivesTheSamePdus(string variant)
    {
        var segments = SplitVariants.Of(Requests).Single(v => v.Name == variant).Segments;
        var pdus = Run(Conversation(segments));
        Assert.Equal(Expected(), Describe(pdus));
    }

    [Fact]
    public void ModbusOnAnotherPort_IsRecognisedByContent()
    {
        var frames = Conversation(SplitVariants.Of(Requests).Single(v => v.Name == "Whole").Segments, serverPort: 5020);
        var expected = Expected().Select(line => line.Replace(":502 ", ":5020 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected, Describe(Run(frames)));
    }

    [Fact]
    public void RequestSegments_DeliveredInReverseOrder_GiveTheSamePdus()
    {
        var frames = Conversation(SplitVariants.Of(Requests).Single(v => v.Name == "BytePerSegment").Segments);
        // Frames 3.. are the request bytes (after the 3-frame handshake); reverse them before the response.
        int first = 3, count = Requests.Length;
        frames.Reverse(first, count);
        Assert.Equal(Expected(), Describe(Run(frames)));
    }

    [Fact]
    public void RetransmittedSegments_AreDecodedOnce()
    {
        var frames = Conversation(SplitVariants.Of(Requests).Single(v => v.Name == "Split:12").Segments);
        frames.Insert(5, frames[3]);  // the first request segment again after the second
        frames.Insert(6, frames[4]);
        Assert.Equal(Expected(), Describe(Run(frames)));
    }

    [Theory]
    [InlineData(0xFFF0)] // claims 65520 bytes: beyond the 254 the spec allows
    [InlineData(0x0001)] // claims 1 byte: less than unit id + function code
    public void LyingMbapLength_InAnEstablishedSession_IsAnAnomalyAndLaterAdusStillDecode(int lyingLength)
    {
        // A valid request first (the flow is recognised as Modbus), then a request whose length field lies,
        // then the valid requests again: the session reports the lie and resynchronises on the next header.
        var lying = Requests[..12].ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(lying.AsSpan(4), (ushort)lyingLength);
        using var observer = new RecordingObserver();
        using var analyzer = RunFrames(Conversation([Requests[..12], lying, Requests[12..]]), observer);

        Assert.Contains(observer.AnomalyRecords, a => a.StartsWith("modbus.", StringComparison.Ordinal));
        var requests = observer.Pdus.Where(p => !p.IsResponse).Select(p => p.Function).ToList();
        Assert.Equal([3, 6, 16], requests);
    }

    private static List<string> Expected() =>
    [
        "req fc3 from 10.0.0.1:40000 []",
        "req fc6 from 10.0.0.1:40000 []",
        "req fc16 from 10.0.0.1:40000 []",
        "rsp fc3 from 10.0.0.2:502 []",
        "rsp fc6 from 10.0.0.2:502 []",
        "rsp fc16 from 10.0.0.2:502 []",
    ];

    private static List<string> Describe(List<RecordingObserver.Pdu> pdus)
        => [.. pdus.Select(p => $"{(p.IsResponse ? "rsp" : "req")} fc{p.Function} from {p.Source}:{p.SourcePort} [{p.Anomalies}]")];

    private static List<(Timestamp ts, byte[] data)> Conversation(IReadOnlyList<byte[]> requestSegments, ushort serverPort = 502)
    {
        var frames = new List<(Timestamp, byte[])>();
        var t = Timestamp.FromDateTime(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var tcp = new TcpConversation(Client, Server with { Port = serverPort }, clientIsn: 0xFFFF_FFF0, serverIsn: 1000, frames); // wraps past 2^32
        tcp.Handshake(t, TimeSpan.FromMilliseconds(1));
        foreach (var segment in requestSegments)
        {
            t = t.Add(TimeSpan.FromMilliseconds(1));
            tcp.Send(t, fromClient: true, segment);
        }
        tcp.Send(t.Add(TimeSpan.FromMilliseconds(5)), fromClient: false, Responses);
        tcp.Close(t.Add(TimeSpan.FromMilliseconds(10)), TimeSpan.FromMilliseconds(1));
        return frames;
    }

    private static List<RecordingObserver.Pdu> Run(List<(Timestamp ts, byte[] data)> frames)
    {
        using var observer = new RecordingObserver();
        using var analyzer = RunFrames(frames, observer);
        return observer.Pdus;
    }

    private static CaptureAnalyzer RunFrames(List<(Timestamp ts, byte[] data)> frames, RecordingObserver observer)
    {
        var analyzer = new CaptureAnalyzer(new EngineOptions(), observer);
        long n = 0;
        foreach (var (ts, data) in frames) analyzer.Pipeline.ProcessFrame(data, LinkType.Ethernet, ts, ++n);
        analyzer.Pipeline.Complete();
        return analyzer;
    }
}
