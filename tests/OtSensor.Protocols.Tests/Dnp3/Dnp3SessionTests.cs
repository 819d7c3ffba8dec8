using OtSensor.Core.Parsing;
using OtSensor.Protocols.Dnp3;
using OtSensor.TestKit;

namespace OtSensor.Protocols.Tests.Dnp3;

public class Dnp3SessionTests
{
    private static readonly byte[] LargeResponse = Dnp3Frames.Fragment(Dnp3Frames.FromOutstation, 1, 10, Dnp3Vectors.LargeAnalogResponseFragment(), firstSequence: 62);

    private static (RecordingSink Sink, StreamFeeder Feeder, Dnp3Session Session) Create(int maxFragment = Dnp3Constants.DefaultMaxFragmentLength)
    {
        var sink = new RecordingSink();
        var session = new Dnp3Session(maxFragment);
        return (sink, new StreamFeeder(session, sink), session);
    }

    private static List<string> Run(IEnumerable<byte[]> requestSegments, IEnumerable<byte[]> responseSegments)
    {
        var (sink, feeder, _) = Create();
        feeder.Feed(Direction.ToServer, requestSegments);
        feeder.Feed(Direction.ToClient, responseSegments);
        Assert.Empty(sink.StreamAnomalies);
        Assert.Equal(0, feeder.PendingBytes(Direction.ToServer));
        Assert.Equal(0, feeder.PendingBytes(Direction.ToClient));
        return sink.Messages.ConvertAll(m => m.ToString());
    }

    public static TheoryData<string> PairNames() => ["restart", "large", "crob"];

    private static (byte[] Request, byte[] Response) Pair(string name) => name switch
    {
        "restart" => (Dnp3Vectors.WarmRestartRequest, Dnp3Vectors.WarmRestartResponse),
        "large" => (Dnp3Frames.Fragment(Dnp3Frames.FromMaster, 10, 1, [0xC5, 0x01, 0x1E, 0x04, 0x06]), LargeResponse),
        _ => (Dnp3Vectors.DirectOperateNoAckCrob, Dnp3Vectors.UnsolicitedResponse),
    };

    [Theory]
    [MemberData(nameof(PairNames))]
    public void OnData_EverySplitVariant_SameMessagesAsWhole(string name)
    {
        var (request, response) = Pair(name);
        var expected = Run([request], [response]);
        Assert.Equal(2, expected.Count);
        foreach (var variant in SplitVariants.Of(request))
            Assert.Equal(expected, Run(variant.Segments, [response]));
        foreach (var variant in SplitVariants.Of(response))
            Assert.Equal(expected, Run([request], variant.Segments));
    }

    [Fact]
    public void OnData_FragmentOverThreeFramesWrappingSequence_OneRecord()
    {
        var (sink, feeder, _) = Create();
        feeder.Feed(Direction.ToClient, LargeResponse); // transport sequence 62, 63, 0
        var m = Assert.Single(sink.Messages);
        Assert.Equal(129, m.Function);
        Assert.Equal(3, m.Details.GetProperty("linkFrames").GetInt32());
        Assert.Equal(611, m.Details.GetProperty("fragmentLength").GetInt32());
        Assert.Equal(300, m.Details.GetProperty("pointCount").GetInt32());
        Assert.Equal(0UL, m.Anomalies);
    }

    [Fact]
    public void OnData_BadDataCrc_RecordFlagged()
    {
        var (sink, feeder, _) = Create();
        byte[] frame = [.. Dnp3Vectors.DirectOperateNoAckCrob];
        frame[26] ^= 0xFF; // first block CRC
        feeder.Feed(Direction.ToServer, frame);
        var m = Assert.Single(sink.Messages);
        Assert.Equal(6, m.Function);
        Assert.Contains("data_crc_error", m.AnomalyNames);
    }

    [Fact]
    public void OnData_BadHeaderCrcThenValidFrame_ResyncsWithOneAnomaly()
    {
        var (sink, feeder, _) = Create();
        byte[] broken = [.. Dnp3Vectors.ReadClass1Request];
        broken[9] ^= 0x10; // header CRC high octet
        feeder.Feed(Direction.ToServer, [.. broken, .. Dnp3Vectors.WarmRestartRequest]);
        Assert.Equal([Dnp3Fields.StreamHeaderCrcError], sink.StreamAnomalies);
        Assert.Equal([14], sink.Messages.ConvertAll(m => m.Function));
        Assert.Equal(0, feeder.PendingBytes(Direction.ToServer));
    }

    [Fact]
    public void OnData_SegmentWithoutFir_DiscardedWithAnomaly()
    {
        var (sink, feeder, _) = Create();
        feeder.Feed(Direction.ToServer, Dnp3Frames.Frame(Dnp3Frames.FromMaster, 10, 1, [0x85, 0xC0, 0x01])); // FIN only, sequence 5
        Assert.Empty(sink.Messages);
        Assert.Equal([Dnp3Fields.StreamTransportNoFir], sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_SequenceGap_FragmentDiscarded()
    {
        var (sink, feeder, _) = Create();
        byte[] frames = LargeResponse;
        int first = Dnp3LinkFramer.FrameLength(frames[2]);
        int second = Dnp3LinkFramer.FrameLength(frames[first + 2]);
        feeder.Feed(Direction.ToClient, [.. frames.AsSpan(0, first), .. frames.AsSpan(first + second)]); // middle frame lost
        Assert.Empty(sink.Messages);
        Assert.Equal([Dnp3Fields.StreamTransportSequenceError], sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_RepeatedSegment_DroppedAsLinkRetry()
    {
        var (sink, feeder, _) = Create();
        byte[] frames = LargeResponse;
        int first = Dnp3LinkFramer.FrameLength(frames[2]);
        int second = Dnp3LinkFramer.FrameLength(frames[first + 2]);
        feeder.Feed(Direction.ToClient, [.. frames.AsSpan(0, first + second), .. frames.AsSpan(first, second), .. frames.AsSpan(first + second)]);
        Assert.Single(sink.Messages);
        Assert.Empty(sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_FragmentOverBound_TooLongReassemblyNoRecord()
    {
        var (sink, feeder, _) = Create(maxFragment: 300);
        feeder.Feed(Direction.ToClient, LargeResponse);
        Assert.Empty(sink.Messages);
        Assert.Equal([Dnp3Fields.StreamTooLongReassembly], sink.StreamAnomalies);
        feeder.Feed(Direction.ToClient, Dnp3Vectors.UnsolicitedResponse); // the next fragment still decodes
        Assert.Single(sink.Messages);
    }

    [Fact]
    public void OnData_LinkStatusOnly_NoRecord()
    {
        var (sink, feeder, _) = Create();
        feeder.Feed(Direction.ToServer, Dnp3Frames.Frame(0xC9, 3, 4, [])); // DIR PRM request link status
        Assert.Empty(sink.Messages);
        Assert.Empty(sink.StreamAnomalies);
    }

    [Fact]
    public void OnGap_MidFragment_DropsPartialAndResyncsSilently()
    {
        var (sink, _, session) = Create();
        byte[] frames = LargeResponse;
        session.OnData(frames.AsSpan(0, Dnp3LinkFramer.FrameLength(frames[2])), Direction.ToClient, sink);
        session.OnGap(Direction.ToClient, sink);
        byte[] after = [0x11, 0x22, 0x33, .. Dnp3Vectors.UnsolicitedResponse];
        Assert.Equal(StreamResult.Ok(after.Length), session.OnData(after, Direction.ToClient, sink));
        Assert.Equal([130], sink.Messages.ConvertAll(m => m.Function));
        Assert.Empty(sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_LongNonDnp3Stream_GivesUpWithError()
    {
        var (sink, feeder, _) = Create();
        feeder.Feed(Direction.ToServer, [0x00]);
        feeder.Feed(Direction.ToServer, new byte[Dnp3Constants.MaxResyncBytes + 10]);
        Assert.True(feeder.Disabled);
        Assert.Contains(Dnp3Fields.StreamNotDnp3, sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_TooManyOutstandingRequests_ReportedOnce()
    {
        var (sink, feeder, _) = Create();
        for (int i = 0; i < Dnp3Constants.MaxOutstandingRequests + 5; i++)
            feeder.Feed(Direction.ToServer, Dnp3Frames.Fragment(Dnp3Frames.FromMaster, 10, 1, [(byte)(0xC0 | (i & 0x0F)), 0x01, 0x3C, 0x01, 0x06]));
        Assert.Equal([Dnp3Fields.StreamTooManyTransactions], sink.StreamAnomalies);
    }

    [Fact]
    public void OnDatagram_TwoFramesInOneDatagram_BothDecoded()
    {
        var sink = new RecordingSink();
        var session = new Dnp3Session();
        session.OnDatagram([.. Dnp3Vectors.WarmRestartRequest, .. Dnp3Vectors.ReadClass1Request], Direction.ToServer, sink);
        session.OnDatagram(Dnp3Vectors.WarmRestartResponse, Direction.ToClient, sink);
        Assert.Equal([14, 1, 129], sink.Messages.ConvertAll(m => m.Function));
        Assert.Empty(sink.StreamAnomalies);
    }

    [Fact]
    public void OnDatagram_TruncatedFrame_Anomaly()
    {
        var sink = new RecordingSink();
        var session = new Dnp3Session();
        session.OnDatagram(Dnp3Vectors.DirectOperateNoAckCrob.AsSpan(0, 20), Direction.ToServer, sink);
        Assert.Empty(sink.Messages);
        Assert.Equal([Dnp3Fields.StreamTruncatedFrame], sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_RandomBytes_NeverThrowsAndConsumesWithinInput()
    {
        var random = new Random(20240503);
        var sink = new NoOpSink();
        var session = new Dnp3Session();
        for (int i = 0; i < 5_000; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            // Half the inputs get a valid link header, so the transport and application paths are exercised.
            if (i % 2 == 0 && bytes.Length >= 12)
            {
                bytes[0] = 0x05;
                bytes[1] = 0x64;
                bytes[2] = (byte)random.Next(5, 256);
                ushort crc = Dnp3Crc.Compute(bytes.AsSpan(0, 8));
                bytes[8] = (byte)crc;
                bytes[9] = (byte)(crc >> 8);
                bytes[10] |= 0xC0; // FIR and FIN
            }
            var direction = (i & 1) == 0 ? Direction.ToServer : Direction.ToClient;
            var result = session.OnData(bytes, direction, sink);
            Assert.InRange(result.Consumed, 0, bytes.Length);
            session.OnDatagram(bytes, direction, sink);
            if (result.Status == StreamStatus.Error) session.Reset();
        }
        Assert.True(sink.Count > 0);
    }

    [Fact]
    public void Parse_RandomFragments_NeverThrow()
    {
        var random = new Random(7);
        var link = new Dnp3LinkHeader(0, Dnp3Frames.FromOutstation, 1, 2);
        for (int i = 0; i < 20_000; i++)
        {
            var fragment = new byte[random.Next(0, 120)];
            random.NextBytes(fragment);
            if (fragment.Length > 2) fragment[1] = (byte)(i % 3 == 0 ? 0x81 : random.Next(0, 34));
            var message = Dnp3Parser.Parse(fragment, in link, 1, crcError: false);
            using var buffer = new MemoryStream();
            using var writer = new System.Text.Json.Utf8JsonWriter(buffer);
            writer.WriteStartObject();
            message.WriteDetails(writer);
            writer.WriteEndObject();
        }
    }

    [Fact]
    public void OnData_SteadyState_AllocatesNothing()
    {
        var sink = new NoOpSink();
        var session = new Dnp3Session();
        byte[] requests = [.. Dnp3Vectors.ReadClass1Request, .. Dnp3Vectors.DirectOperateNoAckCrob, .. Dnp3Vectors.WarmRestartRequest, .. Dnp3Vectors.AuthenticationRequest];
        byte[] responses = [.. Dnp3Vectors.WarmRestartResponse, .. LargeResponse, .. Dnp3Vectors.UnsolicitedResponse];
        for (int i = 0; i < 100; i++) Pump(session, sink, requests, responses); // warm up (JIT, tiering, pooled buffers)

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Pump(session, sink, requests, responses);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(7_700, sink.Count);

        static void Pump(Dnp3Session session, NoOpSink sink, byte[] requests, byte[] responses)
        {
            session.OnData(requests, Direction.ToServer, sink);
            session.OnData(responses, Direction.ToClient, sink);
        }
    }
}
