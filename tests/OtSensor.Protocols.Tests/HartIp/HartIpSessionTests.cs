using OtSensor.Core.Parsing;
using OtSensor.Protocols.HartIp;
using OtSensor.TestKit;

namespace OtSensor.Protocols.Tests.HartIp;

public sealed class HartIpSessionTests
{
    private static byte[] Requests => [.. HartIpVectors.SessionInitiateRequest, .. HartIpVectors.Command0Request, .. HartIpVectors.ExtendedCommandRequest, .. HartIpVectors.KeepAliveRequest];

    private static byte[] Responses => [.. HartIpVectors.SessionInitiateResponse, .. HartIpVectors.Command0Response, .. HartIpVectors.BurstCommand9Publish, .. HartIpVectors.Command20Response];

    public static TheoryData<string> SplitNames()
    {
        var data = new TheoryData<string>();
        foreach (var variant in SplitVariants.Of(Requests)) data.Add(variant.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(SplitNames))]
    public void OnData_EverySplitVariant_SameMessagesAsWhole(string name)
    {
        var expected = Run(SplitVariants.Of(Requests).First().Segments, SplitVariants.Of(Responses).First().Segments);
        var actual = Run(SplitVariants.Of(Requests).Single(v => v.Name == name).Segments, SplitVariants.Of(Responses).Single(v => v.Name == name).Segments);
        Assert.Equal(8, expected.Messages.Count);
        Assert.Equal(expected.Messages.Select(m => m.ToString()), actual.Messages.Select(m => m.ToString()));
        Assert.Empty(actual.StreamAnomalies);

        static RecordingSink Run(IReadOnlyList<byte[]> toServer, IReadOnlyList<byte[]> toClient)
        {
            var sink = new RecordingSink();
            var feeder = new StreamFeeder(new HartIpSession(), sink);
            feeder.Feed(Direction.ToServer, toServer);
            feeder.Feed(Direction.ToClient, toClient);
            return sink;
        }
    }

    [Fact]
    public void OnData_GarbageThenMessage_OneAnomalyThenResyncs()
    {
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new HartIpSession(), sink);
        feeder.Feed(Direction.ToServer, [0xFF, 0x01, 0x00, 0x77, .. HartIpVectors.Command0Request]);
        Assert.Equal(["invalid_header"], sink.StreamAnomalies);
        Assert.Equal(0, Assert.Single(sink.Messages).Details.GetProperty("command").GetInt32());
    }

    [Fact]
    public void OnData_PlausibleHeaderInsideGarbage_NotTakenForAMessage()
    {
        // After a bad header, "01 00 02 00 00 00 00 40" looks like a header (keep alive, 64 bytes) but no valid
        // message follows: resync must wait for a whole valid message rather than decode the chance header.
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new HartIpSession(), sink);
        byte[] chance = [0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x40, .. new byte[56]];
        feeder.Feed(Direction.ToServer, [0xFF, .. chance, .. HartIpVectors.KeepAliveRequest]);
        Assert.Equal(2, Assert.Single(sink.Messages).Function);
        Assert.Empty(Assert.Single(sink.Messages).AnomalyNames);
    }

    [Fact]
    public void OnGap_MidMessage_ResyncsToNextMessage()
    {
        var sink = new RecordingSink();
        var session = new HartIpSession();
        var feeder = new StreamFeeder(session, sink);
        feeder.Feed(Direction.ToServer, HartIpVectors.Command0Request.AsSpan(0, 5));
        session.OnGap(Direction.ToServer, sink);
        var fresh = new StreamFeeder(session, sink); // the engine drops the partial bytes on a gap
        fresh.Feed(Direction.ToServer, [.. HartIpVectors.Command0Request.AsSpan(9), .. HartIpVectors.KeepAliveRequest]);
        Assert.Equal(2, Assert.Single(sink.Messages).Function);
        Assert.Empty(sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_LongForeignStream_GivesUpWithError()
    {
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new HartIpSession(), sink);
        var junk = new byte[6000];
        Array.Fill(junk, (byte)0x41);
        feeder.Feed(Direction.ToServer, junk);
        Assert.Equal(StreamStatus.Error, feeder.LastStatus);
        Assert.Equal(["invalid_header", "not_hart_ip"], sink.StreamAnomalies);
    }

    [Fact]
    public void Recognize_FirstMessage_StrictOnBody()
    {
        Assert.Equal(ProbeResult.Recognized, HartIpProbe.Recognize(HartIpVectors.Command0Request, Direction.ToServer));
        Assert.Equal(ProbeResult.Incomplete, HartIpProbe.Recognize(HartIpVectors.Command0Request.AsSpan(0, 12), Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, HartIpProbe.Recognize(HartIpVectors.Command0RequestBadChecksum, Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, HartIpProbe.Recognize("GET / HTTP/1.1\r\n"u8, Direction.ToServer));
        byte[] keepAliveWithBody = [0x01, 0x00, 0x02, 0x00, 0x00, 0x01, 0x00, 0x0A, 0x00, 0x00];
        Assert.Equal(ProbeResult.Unrecognized, HartIpProbe.Recognize(keepAliveWithBody, Direction.ToServer));
    }

    [Fact]
    public void RecognizeDatagram_WholeMessageOnly()
    {
        Assert.Equal(ProbeResult.Recognized, HartIpProbe.RecognizeDatagram(HartIpVectors.SessionInitiateRequest, Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, HartIpProbe.RecognizeDatagram([.. HartIpVectors.KeepAliveRequest, 0x00], Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, HartIpProbe.RecognizeDatagram(HartIpVectors.KeepAliveRequest.AsSpan(0, 7), Direction.ToServer));
    }

    [Fact]
    public void OnData_RandomBytes_NeverThrowsAndConsumesWithinInput()
    {
        var random = new Random(5094);
        var sink = new NoOpSink();
        for (int i = 0; i < 10_000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length >= 8)
            {
                bytes[0] = 1;
                bytes[1] = (byte)(i % 4);
                bytes[2] = (byte)(i % 6);
                bytes[6] = 0;
                bytes[7] = (byte)Math.Max(8, bytes.Length - (i % 3));
            }
            var session = new HartIpSession();
            var direction = (i & 1) == 0 ? Direction.ToServer : Direction.ToClient;
            var result = session.OnData(bytes, direction, sink);
            Assert.InRange(result.Consumed, 0, bytes.Length);
            if (result.Status == StreamStatus.Incomplete) Assert.True(result.Needed > bytes.Length - result.Consumed);
            session.OnDatagram(bytes, direction, sink);
            _ = HartIpProbe.Recognize(bytes, direction);
        }
        Assert.True(sink.Count > 0);
    }

    [Fact]
    public void OnData_SteadyState_AllocatesNothing()
    {
        var sink = new NoOpSink();
        var session = new HartIpSession();
        byte[] requests = Requests, responses = Responses;
        for (int i = 0; i < 100; i++) Pump();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 2000; i++) Pump();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(2100 * 8, sink.Count);

        void Pump()
        {
            session.OnData(requests, Direction.ToServer, sink);
            session.OnData(responses, Direction.ToClient, sink);
        }
    }
}
