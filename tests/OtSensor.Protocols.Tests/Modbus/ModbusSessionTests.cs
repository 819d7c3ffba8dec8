using OtSensor.Core.Parsing;
using OtSensor.Protocols.Modbus;
using OtSensor.TestKit;

namespace OtSensor.Protocols.Tests.Modbus;

public class ModbusSessionTests
{
    private static (RecordingSink Sink, StreamFeeder Feeder, ModbusSession Session) Create(int maxOutstanding = ModbusConstants.DefaultMaxOutstandingRequests)
    {
        var sink = new RecordingSink();
        var session = new ModbusSession(maxOutstanding);
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

    [Theory]
    [MemberData(nameof(ModbusVectors.PairNames), MemberType = typeof(ModbusVectors))]
    public void OnData_EverySplitVariant_SameMessagesAsWhole(string name)
    {
        var (request, response) = ModbusVectors.Pair(name);
        var expected = Run([request], [response]);
        Assert.Equal(2, expected.Count);
        foreach (var variant in SplitVariants.Of(request))
            Assert.Equal(expected, Run(variant.Segments, [response]));
        foreach (var variant in SplitVariants.Of(response))
            Assert.Equal(expected, Run([request], variant.Segments));
    }

    [Fact]
    public void OnData_TwoAdusInOneSegment_ParsesBoth()
    {
        var (sink, feeder, _) = Create();
        feeder.Feed(Direction.ToServer, [.. ModbusVectors.RdCoilsRequest, .. ModbusVectors.WrMultRegsRequest]);
        Assert.Equal([1, 16], sink.Messages.ConvertAll(m => m.Function));
        Assert.Equal(0, feeder.PendingBytes(Direction.ToServer));
    }

    [Fact]
    public void OnData_OneAduAcrossSegments_IncompleteThenParsesOnce()
    {
        var (sink, _, session) = Create();
        byte[] adu = ModbusVectors.WrMultRegsRequest;
        var first = session.OnData(adu.AsSpan(0, 9), Direction.ToServer, sink);
        Assert.Equal(StreamResult.Incomplete(0, adu.Length), first);
        var second = session.OnData(adu, Direction.ToServer, sink);
        Assert.Equal(StreamResult.Ok(adu.Length), second);
        Assert.Single(sink.Messages);
    }

    [Fact]
    public void OnData_GarbageThenValidAdu_ResyncsWithOneAnomaly()
    {
        var (sink, feeder, _) = Create();
        byte[] garbage = [0xDE, 0xAD, 0xBE, 0xEF, 0x01, 0x02, 0x03, 0x04, 0x05];
        feeder.Feed(Direction.ToServer, [.. garbage, .. ModbusVectors.RdCoilsRequest]);
        Assert.Equal(["invalid_protocol_id"], sink.StreamAnomalies);
        var message = Assert.Single(sink.Messages);
        Assert.Equal(1, message.Function);
        Assert.Empty(message.AnomalyNames);
    }

    [Fact]
    public void OnData_BadLengthThenValidAdu_ResyncsToValidAdu()
    {
        var (sink, feeder, _) = Create();
        feeder.Feed(Direction.ToServer, [.. ModbusVectors.WrMultRegsRequestBadLength, .. ModbusVectors.RdHoldingRegsRequest]);
        Assert.Equal(["invalid_length"], sink.StreamAnomalies);
        Assert.Equal(3, Assert.Single(sink.Messages).Function);
    }

    [Fact]
    public void OnData_HelloWorld_NoMessagesNoException()
    {
        var (sink, feeder, _) = Create();
        feeder.Feed(Direction.ToServer, "hello world"u8);
        Assert.Empty(sink.Messages);
        Assert.Equal(["invalid_protocol_id"], sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_LongNonModbusStream_GivesUpWithError()
    {
        var (sink, feeder, _) = Create();
        var text = new byte[ModbusConstants.MaxResyncBytes + 100];
        text.AsSpan().Fill((byte)'A');
        feeder.Feed(Direction.ToServer, text);
        Assert.Equal(StreamStatus.Error, feeder.LastStatus);
        Assert.Contains(ModbusFields.StreamNotModbus, sink.StreamAnomalies);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public void OnGap_MidAdu_ResyncsSilentlyToNextHeader()
    {
        var (sink, feeder, session) = Create();
        session.OnGap(Direction.ToServer, sink);
        feeder.Feed(Direction.ToServer, [.. ModbusVectors.WrMultRegsRequest.AsSpan(9), .. ModbusVectors.RdCoilsRequest]);
        Assert.Empty(sink.StreamAnomalies);
        Assert.Equal(1, Assert.Single(sink.Messages).Function);
    }

    [Fact]
    public void OnData_ResponseWithoutRequest_FlagsUnsolicited()
    {
        var (sink, feeder, _) = Create();
        feeder.Feed(Direction.ToClient, ModbusVectors.RdHoldingRegsResponse);
        Assert.Equal(["unsolicited_response"], Assert.Single(sink.Messages).AnomalyNames);
    }

    [Fact]
    public void OnData_ResponseToOtherUnit_IsUnsolicited()
    {
        var (sink, feeder, _) = Create();
        feeder.Feed(Direction.ToServer, ModbusVectors.RdHoldingRegsRequest);
        byte[] otherUnit = ModbusVectors.RdHoldingRegsResponse;
        otherUnit[6] = 0x02;
        feeder.Feed(Direction.ToClient, otherUnit);
        Assert.Equal(["unsolicited_response"], sink.Messages[1].AnomalyNames);
    }

    [Fact]
    public void OnData_PairedResponse_TakesOutstandingRequest()
    {
        var (sink, feeder, session) = Create();
        feeder.Feed(Direction.ToServer, ModbusVectors.RdHoldingRegsRequest);
        Assert.Equal(1, session.OutstandingRequests);
        feeder.Feed(Direction.ToClient, ModbusVectors.RdHoldingRegsResponse);
        Assert.Equal(0, session.OutstandingRequests);
        Assert.True(sink.Messages[1].Details.GetProperty(ModbusFields.Paired).GetBoolean());
        Assert.Equal(107, sink.Messages[1].Details.GetProperty(ModbusFields.Address).GetInt32());

        // The same response again has no request left.
        feeder.Feed(Direction.ToClient, ModbusVectors.RdHoldingRegsResponse);
        Assert.Equal(["unsolicited_response"], sink.Messages[2].AnomalyNames);
    }

    [Fact]
    public void OnData_ResponseWithOtherFunction_FlagsMismatch()
    {
        var (sink, feeder, _) = Create();
        feeder.Feed(Direction.ToServer, ModbusVectors.RdHoldingRegsRequest);
        byte[] response = ModbusVectors.RdHoldingRegsResponse;
        response[7] = 0x04;
        feeder.Feed(Direction.ToClient, response);
        Assert.Equal(["response_function_mismatch"], sink.Messages[1].AnomalyNames);
    }

    [Fact]
    public void OnData_RequestFlood_ReportsOnceAndKeepsBound()
    {
        var (sink, feeder, session) = Create(maxOutstanding: 3);
        for (int tid = 0; tid < 10; tid++)
        {
            byte[] request = ModbusVectors.RdHoldingRegsRequest;
            request[1] = (byte)tid;
            feeder.Feed(Direction.ToServer, request);
        }
        Assert.Equal([ModbusFields.StreamRequestFlood], sink.StreamAnomalies);
        Assert.Equal(3, session.OutstandingRequests);

        // The oldest were dropped: a response to tid 0 is unsolicited, to tid 9 is paired.
        byte[] oldest = ModbusVectors.RdHoldingRegsResponse;
        oldest[1] = 0;
        byte[] newest = ModbusVectors.RdHoldingRegsResponse;
        newest[1] = 9;
        feeder.Feed(Direction.ToClient, oldest);
        feeder.Feed(Direction.ToClient, newest);
        Assert.Equal(["unsolicited_response"], sink.Messages[10].AnomalyNames);
        Assert.Empty(sink.Messages[11].AnomalyNames);
    }

    [Fact]
    public void OnData_ManyOutstandingWithReusedIds_PairsEachResponseOnce()
    {
        // 300 requests in flight (the pending ring grows past its first size and indexes by key), one id
        // reused while still pending, then the responses newest first: each pairs once, the reused id
        // pairs with its latest request, and nothing is flagged.
        var (sink, feeder, session) = Create(maxOutstanding: 500);
        for (int tid = 0; tid < 300; tid++)
        {
            byte[] request = ModbusVectors.RdHoldingRegsRequest;
            request[0] = (byte)(tid >> 8);
            request[1] = (byte)tid;
            feeder.Feed(Direction.ToServer, request);
        }
        byte[] again = ModbusVectors.RdHoldingRegsRequest;
        again[1] = 7;
        feeder.Feed(Direction.ToServer, again);
        Assert.Equal(300, session.OutstandingRequests);

        for (int tid = 299; tid >= 0; tid--)
        {
            byte[] response = ModbusVectors.RdHoldingRegsResponse;
            response[0] = (byte)(tid >> 8);
            response[1] = (byte)tid;
            feeder.Feed(Direction.ToClient, response);
        }
        Assert.Equal(0, session.OutstandingRequests);
        Assert.Equal(601, sink.Messages.Count);
        Assert.All(sink.Messages, m => Assert.Empty(m.AnomalyNames));
        Assert.Empty(sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_OutOfOrderResponses_PairEachWithItsRequest()
    {
        var (sink, feeder, session) = Create(maxOutstanding: 4);
        for (int round = 0; round < 50; round++)
        {
            for (int tid = 0; tid < 4; tid++)
            {
                byte[] request = ModbusVectors.RdHoldingRegsRequest;
                request[1] = (byte)tid;
                feeder.Feed(Direction.ToServer, request);
            }
            foreach (int tid in new[] { 2, 0, 3, 1 })
            {
                byte[] response = ModbusVectors.RdHoldingRegsResponse;
                response[1] = (byte)tid;
                feeder.Feed(Direction.ToClient, response);
            }
        }
        Assert.Empty(sink.StreamAnomalies);
        Assert.All(sink.Messages, m => Assert.Empty(m.AnomalyNames));
        Assert.Equal(0, session.OutstandingRequests);
    }

    [Fact]
    public void OnData_RandomBytes_NeverThrowsAndConsumesWithinInput()
    {
        var random = new Random(20240502);
        var sink = new NoOpSink();
        for (int i = 0; i < 10_000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            // Bias half the inputs towards plausible headers so the parser paths are exercised.
            if (i % 2 == 0 && bytes.Length >= 8)
            {
                bytes[2] = 0;
                bytes[3] = 0;
                bytes[4] = 0;
                bytes[5] = (byte)random.Next(0, 256);
            }
            var session = new ModbusSession(8);
            var direction = (i & 1) == 0 ? Direction.ToServer : Direction.ToClient;
            var result = session.OnData(bytes, direction, sink);
            Assert.InRange(result.Consumed, 0, bytes.Length);
            if (result.Status == StreamStatus.Incomplete) Assert.True(result.Needed > bytes.Length - result.Consumed);
        }
    }

    [Fact]
    public void OnData_SteadyState_AllocatesNothing()
    {
        var sink = new NoOpSink();
        var session = new ModbusSession();
        byte[] requests = [.. ModbusVectors.RdHoldingRegsRequest, .. ModbusVectors.WrMultRegsRequest, .. ModbusVectors.RdDeviceIdRequest, .. ModbusVectors.UmasStopPlcRequest];
        byte[] responses = [.. ModbusVectors.RdHoldingRegsResponse, .. ModbusVectors.WrMultRegsResponse, .. ModbusVectors.RdDeviceIdResponse, .. ModbusVectors.UmasStopPlcResponse];
        for (int i = 0; i < 100; i++) Pump(session, sink, requests, responses); // warm up (JIT, tiering)

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1250; i++) Pump(session, sink, requests, responses); // 10,000 ADUs
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(10_800, sink.Count);

        static void Pump(ModbusSession session, NoOpSink sink, byte[] requests, byte[] responses)
        {
            session.OnData(requests, Direction.ToServer, sink);
            session.OnData(responses, Direction.ToClient, sink);
        }
    }
}
