using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Enip;
using OtSensor.TestKit;

namespace OtSensor.Protocols.Tests.Enip;

public sealed class EnipSessionTests
{
    private static readonly byte[] Requests =
        [.. EnipVectors.RegisterSessionRequest, .. EnipVectors.SendRRDataGetAttributeSingle, .. EnipVectors.SendUnitDataMultipleReadTag];

    private static readonly byte[] Replies =
        [.. EnipVectors.RegisterSessionReply, .. EnipVectors.SendRRDataGetAttributeSingleReply, .. EnipVectors.SendUnitDataMultipleReadTagReply];

    private static List<string> Run(IEnumerable<byte[]> requests, IEnumerable<byte[]> replies)
    {
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new EnipSession(), sink);
        feeder.Feed(Direction.ToServer, requests);
        feeder.Feed(Direction.ToClient, replies);
        Assert.Equal(0, feeder.PendingBytes(Direction.ToServer));
        Assert.Equal(0, feeder.PendingBytes(Direction.ToClient));
        Assert.Empty(sink.StreamAnomalies);
        return sink.Messages.ConvertAll(m => m.ToString());
    }

    [Fact]
    public void OnData_WholeExchange_EnipThenCipRecords()
    {
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new EnipSession(), sink);
        feeder.Feed(Direction.ToServer, Requests);
        feeder.Feed(Direction.ToClient, Replies);
        Assert.Equal(
            [(ProtocolId.Enip, 0x65), (ProtocolId.Enip, 0x6F), (ProtocolId.Cip, 0x0E), (ProtocolId.Enip, 0x70), (ProtocolId.Cip, 0x0A), (ProtocolId.Cip, 0x4C), (ProtocolId.Cip, 0x4C),
             (ProtocolId.Enip, 0x65), (ProtocolId.Enip, 0x6F), (ProtocolId.Cip, 0x0E), (ProtocolId.Enip, 0x70), (ProtocolId.Cip, 0x0A), (ProtocolId.Cip, 0x4C), (ProtocolId.Cip, 0x4C)],
            sink.Messages.ConvertAll(m => (m.Protocol, m.Function)));
        Assert.All(sink.Messages.Take(7), m => Assert.False(m.IsResponse));
        Assert.All(sink.Messages.Skip(7), m => Assert.True(m.IsResponse));
        var connected = sink.Messages[4].Details;
        Assert.Equal(0x00ABCDEF, connected.GetProperty("connectionId").GetInt32());
        Assert.Equal(7, connected.GetProperty("sequenceCount").GetInt32());
    }

    [Fact]
    public void OnData_ReplyPairedBySenderContext_TakesRequestClass()
    {
        byte[] forwardCloseReply = [0xCE, 0x00, 0x00, 0x00, 0x34, 0x12, 0x01, 0x00, 0xEF, 0xBE, 0xAD, 0xDE, 0x00, 0x00]; // Forward Close reply
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new EnipSession(), sink);
        feeder.Feed(Direction.ToServer, EnipVectors.InSendRRData(EnipVectors.ForwardClose));
        feeder.Feed(Direction.ToClient, EnipVectors.InSendRRData(forwardCloseReply));
        feeder.Feed(Direction.ToServer, EnipVectors.InSendRRData(EnipVectors.UnconnectedSendGetAttributesAll));
        feeder.Feed(Direction.ToClient, EnipVectors.InSendRRData(EnipVectors.ServiceNotSupportedReply));
        var replies = sink.Messages.FindAll(m => m.Protocol == ProtocolId.Cip && m.IsResponse);
        Assert.Equal(("Forward Close", OtOperation.Other, 6), (replies[0].FunctionName, replies[0].Operation, replies[0].Details.GetProperty("cipClass").GetInt32()));
        // The reply to an Unconnected Send is the embedded request's reply: Get Attributes All of class 1.
        Assert.Equal(("Get Attributes All", 1), (replies[1].FunctionName, replies[1].Details.GetProperty("cipClass").GetInt32()));
    }

    [Fact]
    public void OnData_UnpairedReply_ClassNull()
    {
        var sink = new RecordingSink();
        new StreamFeeder(new EnipSession(), sink).Feed(Direction.ToClient, EnipVectors.InSendRRData(EnipVectors.ForwardOpenReply));
        var reply = sink.Messages[^1];
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reply.Details.GetProperty("cipClass").ValueKind);
        Assert.Equal(0x11223344, reply.Details.GetProperty("otConnectionId").GetInt32());
    }

    [Fact]
    public void OnData_EverySplitVariant_SameMessagesAsWhole()
    {
        var expected = Run([Requests], [Replies]);
        Assert.Equal(14, expected.Count);
        foreach (var variant in SplitVariants.Of(Requests))
            Assert.Equal(expected, Run(variant.Segments, [Replies]));
        foreach (var variant in SplitVariants.Of(Replies))
            Assert.Equal(expected, Run([Requests], variant.Segments));
    }

    [Fact]
    public void OnData_PartialHeader_AsksForWholeHeaderThenWholePacket()
    {
        var session = new EnipSession();
        var sink = new RecordingSink();
        var first = session.OnData(EnipVectors.SendRRDataGetAttributeSingle.AsSpan(0, 10), Direction.ToServer, sink);
        Assert.Equal((StreamStatus.Incomplete, 0, 24), (first.Status, first.Consumed, first.Needed));
        var second = session.OnData(EnipVectors.SendRRDataGetAttributeSingle.AsSpan(0, 30), Direction.ToServer, sink);
        Assert.Equal((StreamStatus.Incomplete, 0, 48), (second.Status, second.Consumed, second.Needed));
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public void OnData_ImpossibleLength_ReportsOnceAndResyncsToNextHeader()
    {
        byte[] garbage = [0x6F, 0x00, 0xFF, 0xFF, .. new byte[40]]; // length 65535 > 65511, then zeros (NOP is never a resync point)
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new EnipSession(), sink);
        feeder.Feed(Direction.ToServer, [.. garbage, .. EnipVectors.SendRRDataGetAttributeSingle]);
        Assert.Equal(["invalid_header"], sink.StreamAnomalies);
        Assert.Equal([0x6F, 0x0E], sink.Messages.ConvertAll(m => m.Function));
    }

    [Fact]
    public void OnData_EndlessGarbage_GivesUpWithNotEnip()
    {
        byte[] garbage = [0x00, 0x00, 0xFF, 0xFF, .. new byte[EnipConstants.MaxResyncBytes + 100]];
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new EnipSession(), sink);
        feeder.Feed(Direction.ToServer, garbage);
        Assert.Equal(StreamStatus.Error, feeder.LastStatus);
        Assert.Equal(["invalid_header", "not_enip"], sink.StreamAnomalies);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public void OnGap_MidPacket_SkipsSilentlyToNextPlausibleHeader()
    {
        var session = new EnipSession();
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(session, sink);
        session.OnGap(Direction.ToServer, sink);
        feeder.Feed(Direction.ToServer, [.. EnipVectors.SendRRDataGetAttributeSingle[7..], .. EnipVectors.RegisterSessionRequest]);
        Assert.Empty(sink.StreamAnomalies);
        Assert.Equal([0x65], sink.Messages.ConvertAll(m => m.Function));
    }

    [Fact]
    public void OnDatagram_ListIdentityReplyAndIo_Records()
    {
        var sink = new RecordingSink();
        new EnipSession().OnDatagram(EnipVectors.ListIdentityReply, Direction.ToClient, sink);
        new EnipSession(io: true).OnDatagram(EnipVectors.ClassOneIo, Direction.ToServer, sink);
        Assert.Equal([0x63, -1], sink.Messages.ConvertAll(m => m.Function));
        Assert.Equal(0x11223344, sink.Messages[1].Details.GetProperty("connectionId").GetInt32());
        Assert.Equal(5, sink.Messages[1].Details.GetProperty("sequence").GetInt32());
    }

    [Fact]
    public void OnData_RandomBytes_NeverThrows()
    {
        var random = new Random(44818);
        var sink = new NoOpSink();
        byte[] buffer = new byte[2048];
        for (int round = 0; round < 2000; round++)
        {
            random.NextBytes(buffer);
            int length = random.Next(buffer.Length);
            // Half the rounds start with a valid SendRRData header so the CPF and CIP parsers see random bodies.
            if (round % 2 == 0) EnipVectors.SendRRDataGetAttributeSingle.AsSpan(0, 24 + 6).CopyTo(buffer);
            var data = buffer.AsSpan(0, Math.Max(length, 30));
            var session = new EnipSession();
            session.OnData(data, (Direction)(round % 2), sink);
            session.OnDatagram(data, Direction.ToClient, sink);
            new EnipSession(io: true).OnDatagram(data, Direction.ToServer, sink);
            Cip.CipParser.Emit(data[24..], round % 3 == 0, 1, 2, sink);
            EnipProbe.Recognize(data, Direction.ToServer);
        }
        Assert.True(sink.Count > 0);
    }

    [Fact]
    public void OnData_SteadyState_AllocatesNothing()
    {
        var sink = new NoOpSink();
        var session = new EnipSession();
        var io = new EnipSession(io: true);
        for (int i = 0; i < 100; i++) Pump(session, io, sink); // warm up (JIT, tiering)

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Pump(session, io, sink);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1100 * 16, sink.Count);

        static void Pump(EnipSession session, EnipSession io, NoOpSink sink)
        {
            session.OnData(Requests, Direction.ToServer, sink);
            session.OnData(Replies, Direction.ToClient, sink);
            io.OnDatagram(EnipVectors.ClassOneIo, Direction.ToServer, sink);
            session.OnDatagram(EnipVectors.ListIdentityReply, Direction.ToClient, sink);
        }
    }
}
