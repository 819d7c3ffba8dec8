using OtSensor.Core.Parsing;
using OtSensor.Protocols.Iec104;
using OtSensor.TestKit;

namespace OtSensor.Protocols.Tests.Iec104;

public class Iec104SessionTests
{
    private static (RecordingSink Sink, StreamFeeder Feeder) Create()
    {
        var sink = new RecordingSink();
        return (sink, new StreamFeeder(new Iec104Session(), sink));
    }

    /// <summary>A controlling station's opening: STARTDT act, interrogation, a single command, a clock sync.</summary>
    private static readonly byte[] ClientStream =
        [.. Iec104Vectors.StartDtAct, .. Iec104Vectors.Interrogation, .. Iec104Vectors.SingleCommandSelect, .. Iec104Vectors.DoubleCommand, .. Iec104Vectors.SetPointFloat, .. Iec104Vectors.ClockSync];

    /// <summary>The controlled station's answers: STARTDT con, then monitor data numbered from N(S) = 0, then an S frame.</summary>
    private static readonly byte[] ServerStream =
        [.. Iec104Vectors.StartDtCon, .. Iec104Vectors.InterrogationCon, .. Iec104Vectors.SinglePointSequence, .. Iec104Vectors.DoublePoint,
         .. Iec104Vectors.StepPosition, .. Iec104Vectors.Bitstring, .. Iec104Vectors.Normalized, .. Iec104Vectors.Scaled, .. Iec104Vectors.ShortFloatWithTime, .. Iec104Vectors.SFrame];

    private static List<string> Run(IEnumerable<byte[]> clientSegments, IEnumerable<byte[]> serverSegments)
    {
        var (sink, feeder) = Create();
        feeder.Feed(Direction.ToServer, clientSegments);
        feeder.Feed(Direction.ToClient, serverSegments);
        Assert.Empty(sink.StreamAnomalies);
        Assert.Equal(0, feeder.PendingBytes(Direction.ToServer));
        Assert.Equal(0, feeder.PendingBytes(Direction.ToClient));
        return sink.Messages.ConvertAll(m => m.ToString());
    }

    [Fact]
    public void OnData_SeveralApdusPerSegment_OneMessageEachWithoutAnomalies()
    {
        var (sink, feeder) = Create();
        feeder.Feed(Direction.ToServer, ClientStream);
        feeder.Feed(Direction.ToClient, ServerStream);
        Assert.Equal([-1, 100, 45, 46, 50, 103, -1, 100, 1, 3, 5, 7, 9, 11, 36, -1], sink.Messages.ConvertAll(m => m.Function));
        Assert.All(sink.Messages, m => Assert.Empty(m.AnomalyNames));
    }

    [Fact]
    public void OnData_EverySplitVariant_SameMessagesAsWhole()
    {
        var expected = Run([ClientStream], [ServerStream]);
        Assert.Equal(16, expected.Count);
        foreach (var variant in SplitVariants.Of(ClientStream))
            Assert.Equal(expected, Run(variant.Segments, [ServerStream]));
        foreach (var variant in SplitVariants.Of(ServerStream))
            Assert.Equal(expected, Run([ClientStream], variant.Segments));
    }

    [Fact]
    public void OnData_PartialApdu_IncompleteUntilWhole()
    {
        var sink = new RecordingSink();
        var session = new Iec104Session();
        byte[] apdu = Iec104Vectors.ShortFloatWithTime;
        Assert.Equal(StreamResult.Incomplete(0, 2), session.OnData(apdu.AsSpan(0, 1), Direction.ToClient, sink));
        Assert.Equal(StreamResult.Incomplete(0, apdu.Length), session.OnData(apdu.AsSpan(0, 10), Direction.ToClient, sink));
        Assert.Equal(StreamResult.Ok(apdu.Length), session.OnData(apdu, Direction.ToClient, sink));
        Assert.Single(sink.Messages);
    }

    [Fact]
    public void OnData_SendSequenceJump_Flagged()
    {
        var (sink, feeder) = Create();
        // N(S) 0 then 1, then 4 (DoublePoint's N(S) is 2: skip it and send StepPosition, N(S) = 3) .
        feeder.Feed(Direction.ToClient, [.. Iec104Vectors.InterrogationCon, .. Iec104Vectors.SinglePointSequence, .. Iec104Vectors.StepPosition]);
        Assert.Equal([[], [], ["send_sequence_gap"]], sink.Messages.ConvertAll(m => m.AnomalyNames));
    }

    [Fact]
    public void OnGap_ForgetsExpectedSequence()
    {
        var sink = new RecordingSink();
        var session = new Iec104Session();
        session.OnData(Iec104Vectors.InterrogationCon, Direction.ToClient, sink);
        session.OnGap(Direction.ToClient, sink);
        session.OnData(Iec104Vectors.StepPosition, Direction.ToClient, sink);
        Assert.All(sink.Messages, m => Assert.Empty(m.AnomalyNames));
        Assert.Empty(sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_WrongStartByte_ResyncsWithOneAnomaly()
    {
        var (sink, feeder) = Create();
        feeder.Feed(Direction.ToServer, [0x07, 0x07, 0x07, 0x68, 0x05, 0x17, 0x17, .. Iec104Vectors.TestFrAct]);
        Assert.Equal(["invalid_start_byte"], sink.StreamAnomalies);
        Assert.Equal(16, Assert.Single(sink.Messages).Details.GetProperty("uType").GetInt32());
    }

    [Fact]
    public void OnData_LengthAbove253_ResyncsWithInvalidLength()
    {
        var (sink, feeder) = Create();
        feeder.Feed(Direction.ToServer, [.. Iec104Vectors.LengthTooLarge, .. Iec104Vectors.Interrogation]);
        Assert.Equal(["invalid_length"], sink.StreamAnomalies);
        Assert.Equal(100, Assert.Single(sink.Messages).Function);
    }

    [Fact]
    public void OnData_LengthBelow4_ResyncsWithInvalidLength()
    {
        var (sink, feeder) = Create();
        feeder.Feed(Direction.ToServer, [.. Iec104Vectors.LengthTooSmall, .. Iec104Vectors.StartDtAct]);
        Assert.Equal(["invalid_length"], sink.StreamAnomalies);
        Assert.Equal(1, Assert.Single(sink.Messages).Details.GetProperty("uType").GetInt32());
    }

    [Fact]
    public void OnData_GarbageThenExactlyFramedMalformedApdu_DecodedWithAnomaly()
    {
        var (sink, feeder) = Create();
        // Garbage, then an S frame claiming 6 octets, ending exactly where a TESTFR act begins.
        feeder.Feed(Direction.ToServer, [0x09, 0x09, .. Iec104Vectors.SFrameWithData, .. Iec104Vectors.TestFrAct]);
        Assert.Equal(["invalid_start_byte"], sink.StreamAnomalies);
        Assert.Equal([["unexpected_data"], []], sink.Messages.ConvertAll(m => m.AnomalyNames));
    }

    [Fact]
    public void OnData_LyingLengthSwallowsNextApdu_TrailingBytesThenInSync()
    {
        var (sink, feeder) = Create();
        // An interrogation whose length byte is 20 instead of 14: it swallows the first 6 octets of what follows.
        byte[] lying = [.. Iec104Vectors.Interrogation];
        lying[1] = 20;
        feeder.Feed(Direction.ToServer, [.. lying, .. Iec104Vectors.StartDtAct, .. Iec104Vectors.TestFrAct]);
        Assert.Equal([["trailing_bytes"], []], sink.Messages.ConvertAll(m => m.AnomalyNames));
        Assert.Empty(sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_EndlessGarbage_GivesUpWithNotIec104()
    {
        var (sink, feeder) = Create();
        feeder.Feed(Direction.ToServer, [0x00, .. new byte[Iec104Constants.MaxResyncBytes + 10]]);
        Assert.Equal(StreamStatus.Error, feeder.LastStatus);
        Assert.Equal(["invalid_start_byte", "not_iec104"], sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_RandomBytes_NeverThrowsAndConsumesWithinInput()
    {
        var random = new Random(20240601);
        var sink = new NoOpSink();
        for (int i = 0; i < 10_000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            // Bias half the inputs towards plausible APDU starts so the parser paths are exercised.
            if (i % 2 == 0 && bytes.Length >= 8)
            {
                bytes[0] = Iec104Constants.StartByte;
                bytes[1] = (byte)random.Next(0, bytes.Length);
                bytes[2] &= 0xFE;
                bytes[6] = (byte)random.Next(0, 128);
            }
            var session = new Iec104Session();
            var direction = (i & 1) == 0 ? Direction.ToServer : Direction.ToClient;
            var result = session.OnData(bytes, direction, sink);
            Assert.InRange(result.Consumed, 0, bytes.Length);
            if (result.Status == StreamStatus.Incomplete) Assert.True(result.Needed > bytes.Length - result.Consumed);
        }
    }

    [Fact]
    public void OnData_EveryTypeIdWithRandomBody_NeverThrows()
    {
        var random = new Random(104);
        var sink = new RecordingSink();
        for (int type = 0; type < 256; type++)
        {
            for (int n = 0; n < 8; n++)
            {
                int asdu = random.Next(0, 250);
                var frame = new byte[Iec104Constants.ApciLength + asdu];
                random.NextBytes(frame);
                frame[0] = Iec104Constants.StartByte;
                frame[1] = (byte)(Iec104Constants.ControlLength + asdu);
                frame[2] &= 0xFE;
                if (asdu > 0) frame[6] = (byte)type;
                Assert.True(Iec104Parser.TryParse(frame, Direction.ToClient, out var message));
                ((Registry.IProtocolEventSink)sink).OnIec104(in message); // WriteDetails over every object
            }
        }
        Assert.Equal(256 * 8, sink.Messages.Count);
    }

    [Fact]
    public void OnData_SteadyState_AllocatesNothing()
    {
        var sink = new NoOpSink();
        var session = new Iec104Session();
        for (int i = 0; i < 100; i++) Pump(session, sink); // warm up (JIT, tiering)

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Pump(session, sink);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1100 * 16, sink.Count);

        static void Pump(Iec104Session session, NoOpSink sink)
        {
            session.OnData(ClientStream, Direction.ToServer, sink);
            session.OnData(ServerStream, Direction.ToClient, sink);
        }
    }
}
