using System.Buffers.Binary;
using OtSensor.Core.Parsing;
using OtSensor.Protocols.OpcUa;
using OtSensor.TestKit;

namespace OtSensor.Protocols.Tests.OpcUa;

public class OpcUaSessionTests
{
    /// <summary>A client's connection: Hello, OPN, GetEndpoints, CreateSession, ActivateSession, Read, Write, Call, CLO.</summary>
    private static readonly byte[] ClientStream =
        [.. OpcUaVectors.Hello, .. OpcUaVectors.OpenRequest, .. OpcUaVectors.GetEndpointsRequest, .. OpcUaVectors.CreateSessionRequest,
         .. OpcUaVectors.ActivateSessionUserName, .. OpcUaVectors.ReadRequest, .. OpcUaVectors.WriteRequest, .. OpcUaVectors.CallRequest,
         .. OpcUaVectors.CloseSecureChannel];

    /// <summary>The server's answers, with a chunked GetEndpointsResponse in the middle.</summary>
    private static readonly byte[] ServerStream =
        [.. OpcUaVectors.Acknowledge, .. OpcUaVectors.OpenResponse, .. OpcUaVectors.GetEndpointsResponse, .. OpcUaVectors.CreateSessionResponse,
         .. OpcUaVectors.ActivateSessionResponse, .. OpcUaVectors.ReadResponse, .. OpcUaVectors.ChunkedEndpoints1,
         .. OpcUaVectors.ChunkedEndpoints2, .. OpcUaVectors.ChunkedEndpoints3, .. OpcUaVectors.ServiceFault];

    private static (RecordingSink Sink, StreamFeeder Feeder) Create()
    {
        var sink = new RecordingSink();
        return (sink, new StreamFeeder(new OpcUaSession(), sink));
    }

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
    public void OnData_WholeConnection_OneRecordPerChunkWithoutAnomalies()
    {
        var (sink, feeder) = Create();
        feeder.Feed(Direction.ToServer, ClientStream);
        feeder.Feed(Direction.ToClient, ServerStream);
        Assert.Equal([-1, 446, 428, 461, 467, 631, 673, 712, 452, -1, 449, 431, 464, 470, 634, 431, -1, -1, 397],
            sink.Messages.ConvertAll(m => m.Function));
        Assert.All(sink.Messages, m => Assert.True(m.AnomalyNames.Count == 0, m.ToString()));
        Assert.Empty(sink.StreamAnomalies);
        // The channel's policy, learnt from the OPN, is on every MSG of the channel.
        Assert.All(sink.Messages.Where(m => m.Details.Text("messageType") == "MSG"),
            m => Assert.Equal("http://opcfoundation.org/UA/SecurityPolicy#None", m.Details.Text("securityPolicy")));
    }

    [Fact]
    public void OnData_EverySplitVariant_SameRecordsAsWhole()
    {
        var expected = Run([ClientStream], [ServerStream]);
        Assert.Equal(19, expected.Count);
        foreach (var variant in SplitVariants.Of(ClientStream))
            Assert.Equal(expected, Run(variant.Segments, [ServerStream]));
        foreach (var variant in SplitVariants.Of(ServerStream))
            Assert.Equal(expected, Run([ClientStream], variant.Segments));
    }

    [Fact]
    public void OnData_ChunkedGetEndpoints_FinalChunkCarriesReassembledEndpoints()
    {
        var (sink, feeder) = Create();
        feeder.Feed(Direction.ToClient, [.. OpcUaVectors.ChunkedEndpoints1, .. OpcUaVectors.ChunkedEndpoints2, .. OpcUaVectors.ChunkedEndpoints3]);
        Assert.Equal([431, -1, -1], sink.Messages.ConvertAll(m => m.Function));
        Assert.True(sink.Messages[1].Details.GetProperty("continuation").GetBoolean());
        var last = sink.Messages[2].Details;
        Assert.True(last.GetProperty("reassembled").GetBoolean());
        Assert.Equal(3, last.GetProperty("chunkCount").GetInt32());
        Assert.Equal("GetEndpointsResponse", last.Text("service"));
        Assert.Equal(2, last.GetProperty("endpoints").GetArrayLength());
        Assert.Equal("http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256", last.GetProperty("endpoints")[1].Text("securityPolicy"));
    }

    [Fact]
    public void OnData_IntermediateThenAbort_AbortIsContinuationWithReason()
    {
        var (sink, feeder) = Create();
        feeder.Feed(Direction.ToServer, [.. OpcUaVectors.ChunkedReadFirst, .. OpcUaVectors.AbortChunk, .. OpcUaVectors.ReadRequest]);
        Assert.Equal([631, -1, 631], sink.Messages.ConvertAll(m => m.Function));
        Assert.Equal("BadTcpMessageTooLarge", sink.Messages[1].Details.Text("errorName"));
        Assert.True(sink.Messages[1].Details.GetProperty("continuation").GetBoolean());
        Assert.All(sink.Messages, m => Assert.True(m.AnomalyNames.Count == 0, m.ToString()));
    }

    [Fact]
    public void OnData_SecuredChannel_CiphertextMarkedEncryptedAndSignedBodyDecoded()
    {
        var (sink, feeder) = Create();
        feeder.Feed(Direction.ToServer, OpcUaVectors.OpenRequestEncrypted);
        byte[] ciphertext =
        [
            0x4D, 0x53, 0x47, 0x46, 0x24, 0x00, 0x00, 0x00, // "MSG" 'F', size 36
            0x05, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, // channel 5, token 1
            0x9A, 0x14, 0xE2, 0x77, 0x0B, 0xC1, 0x5D, 0x38, 0x62, 0xAF, 0x01, 0xF4, 0x8E, 0x29, 0xD0, 0x4B, 0x73, 0x16, 0xC8, 0xE5, // encrypted
        ];
        feeder.Feed(Direction.ToServer, ciphertext);
        feeder.Feed(Direction.ToServer, OpcUaVectors.ReadRequest); // Sign mode: plaintext body
        Assert.Equal([-1, -1, 631], sink.Messages.ConvertAll(m => m.Function));
        Assert.All(sink.Messages, m => Assert.True(m.AnomalyNames.Count == 0, m.ToString()));
        Assert.Equal([true, true, false], sink.Messages.ConvertAll(m => m.Details.GetProperty("encrypted").GetBoolean()));
        Assert.All(sink.Messages, m => Assert.Equal("http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256", m.Details.Text("securityPolicy")));
    }

    [Fact]
    public void OnData_ReassemblyBeyondBound_OverflowFlaggedOnceAndMessageContinues()
    {
        var (sink, feeder) = Create();
        feeder.Feed(Direction.ToClient, OpcUaVectors.ChunkedEndpoints1);
        // Two 150 KiB intermediate chunks of the same request id: the second passes the 256 KiB reassembly bound.
        var filler = new byte[150 * 1024];
        OpcUaVectors.ChunkedEndpoints2.AsSpan(0, 24).CopyTo(filler);
        BinaryPrimitives.WriteInt32LittleEndian(filler.AsSpan(4), filler.Length);
        feeder.Feed(Direction.ToClient, filler);
        feeder.Feed(Direction.ToClient, filler);
        feeder.Feed(Direction.ToClient, OpcUaVectors.ChunkedEndpoints3);
        Assert.Equal([431, -1, -1, -1], sink.Messages.ConvertAll(m => m.Function));
        Assert.Equal([[], [], ["reassembly_overflow"], []], sink.Messages.ConvertAll(m => m.AnomalyNames));
        Assert.False(sink.Messages[3].Details.TryGetProperty("reassembled", out _));
    }

    [Fact]
    public void OnData_PartialChunk_IncompleteUntilWhole()
    {
        var sink = new RecordingSink();
        var session = new OpcUaSession();
        byte[] chunk = OpcUaVectors.GetEndpointsResponse;
        Assert.Equal(StreamResult.Incomplete(0, 8), session.OnData(chunk.AsSpan(0, 5), Direction.ToClient, sink));
        Assert.Equal(StreamResult.Incomplete(0, chunk.Length), session.OnData(chunk.AsSpan(0, 40), Direction.ToClient, sink));
        Assert.Equal(StreamResult.Ok(chunk.Length), session.OnData(chunk, Direction.ToClient, sink));
        Assert.Single(sink.Messages);
    }

    [Fact]
    public void OnData_GarbageBeforeChunk_OneStreamAnomalyThenInSync()
    {
        var (sink, feeder) = Create();
        feeder.Feed(Direction.ToServer, [.. "GET / HTTP/1.1\r\n"u8, .. OpcUaVectors.Hello, .. OpcUaVectors.OpenRequest]);
        Assert.Equal(["invalid_header"], sink.StreamAnomalies);
        Assert.Equal([-1, 446], sink.Messages.ConvertAll(m => m.Function));
    }

    [Fact]
    public void OnData_SizeBeyondBound_ResyncsToNextHeader()
    {
        var (sink, feeder) = Create();
        byte[] lying = [0x4D, 0x53, 0x47, 0x46, 0xFF, 0xFF, 0xFF, 0x7F]; // "MSGF" claiming 2 GiB
        feeder.Feed(Direction.ToServer, [.. lying, .. OpcUaVectors.ReadRequest]);
        Assert.Equal(["invalid_header"], sink.StreamAnomalies);
        Assert.Equal([631], sink.Messages.ConvertAll(m => m.Function));
    }

    [Fact]
    public void OnData_EndlessGarbage_GivesUpWithNotOpcUa()
    {
        var (sink, feeder) = Create();
        var garbage = new byte[OpcUaConstants.MaxResyncBytes + 100];
        Array.Fill(garbage, (byte)0x20);
        feeder.Feed(Direction.ToServer, garbage);
        Assert.True(feeder.Disabled);
        Assert.Equal(["invalid_header", "not_opcua"], sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_OversizedChunk_PrefixDecodedRestSkipped()
    {
        var (sink, feeder) = Create();
        int size = OpcUaConstants.MaxBufferedChunk + 1000;
        var big = new byte[size];
        OpcUaVectors.ReadResponse.AsSpan(0, OpcUaVectors.ReadResponse.Length - 4).CopyTo(big);
        BinaryPrimitives.WriteInt32LittleEndian(big.AsSpan(4), size);
        for (int offset = 0; offset < big.Length; offset += 1460) feeder.Feed(Direction.ToClient, big.AsSpan(offset, Math.Min(1460, big.Length - offset)));
        feeder.Feed(Direction.ToClient, OpcUaVectors.ServiceFault);
        Assert.Equal([634, 397], sink.Messages.ConvertAll(m => m.Function));
        Assert.Empty(sink.StreamAnomalies);
    }

    [Fact]
    public void OnGap_MidChunk_ResyncsWithoutAnomaly()
    {
        var (sink, feeder) = Create();
        var session = new OpcUaSession();
        var direct = new RecordingSink();
        session.OnData(OpcUaVectors.ReadRequest.AsSpan(0, 30), Direction.ToServer, direct);
        session.OnGap(Direction.ToServer, direct);
        byte[] after = [.. OpcUaVectors.ReadRequest.AsSpan(50), .. OpcUaVectors.WriteRequest];
        var result = session.OnData(after, Direction.ToServer, direct);
        Assert.Equal(StreamResult.Ok(after.Length), result);
        Assert.Equal([673], direct.Messages.ConvertAll(m => m.Function));
        Assert.Empty(direct.StreamAnomalies);
        Assert.Empty(sink.Messages);
        _ = feeder;
    }

    [Fact]
    public void OnData_ReverseHello_RolesSwapped()
    {
        var (sink, feeder) = Create();
        // The server opened the TCP connection: it sends RHE and the responses in Direction.ToServer.
        feeder.Feed(Direction.ToServer, [.. OpcUaVectors.ReverseHello, .. OpcUaVectors.ReadResponse]);
        feeder.Feed(Direction.ToClient, OpcUaVectors.ReadRequest);
        Assert.Equal([-1, 634, 631], sink.Messages.ConvertAll(m => m.Function));
        Assert.All(sink.Messages, m => Assert.True(m.AnomalyNames.Count == 0, m.ToString()));
    }

    [Fact]
    public void OnData_RandomBytes_NeverThrowsAndConsumesWithinInput()
    {
        var random = new Random(4840);
        for (int run = 0; run < 300; run++)
        {
            var session = new OpcUaSession();
            var sink = new RecordingSink(); // writes every record's details too
            var bytes = new byte[random.Next(1, 600)];
            random.NextBytes(bytes);
            if (run % 2 == 0) "MSGF"u8.CopyTo(bytes); // often a plausible header with random contents
            if (bytes.Length >= 8 && run % 4 == 0) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length);
            var result = session.OnData(bytes, run % 3 == 0 ? Direction.ToClient : Direction.ToServer, sink);
            Assert.InRange(result.Consumed, 0, bytes.Length);
        }
    }

    [Fact]
    public void OnData_MutatedVectors_NeverThrow()
    {
        var random = new Random(62541);
        byte[][] vectors = [OpcUaVectors.Hello, OpcUaVectors.GetEndpointsResponse, OpcUaVectors.CreateSessionRequest, OpcUaVectors.CreateSessionResponse,
            OpcUaVectors.ActivateSessionUserName, OpcUaVectors.OpenRequest, OpcUaVectors.Error, OpcUaVectors.ReverseHello];
        for (int run = 0; run < 2000; run++)
        {
            var bytes = (byte[])vectors[run % vectors.Length].Clone();
            for (int flips = random.Next(1, 4); flips > 0; flips--) bytes[random.Next(8, bytes.Length)] = (byte)random.Next(256);
            var sink = new RecordingSink();
            var session = new OpcUaSession();
            var result = session.OnData(bytes, run % 2 == 0 ? Direction.ToClient : Direction.ToServer, sink);
            Assert.InRange(result.Consumed, 0, bytes.Length);
        }
    }

    [Fact]
    public void OnData_SteadyState_AllocatesNothing()
    {
        var session = new OpcUaSession();
        var sink = new NoOpSink();
        byte[] client = ClientStream;
        byte[] server = ServerStream;
        for (int i = 0; i < 50; i++) Pump(session, sink, client, server);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++) Pump(session, sink, client, server);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(250 * 19, sink.Count);
    }

    private static void Pump(OpcUaSession session, NoOpSink sink, byte[] client, byte[] server)
    {
        session.OnData(client, Direction.ToServer, sink);
        session.OnData(server, Direction.ToClient, sink);
    }
}
