using OtSensor.Core.Parsing;
using OtSensor.Protocols.Dns;
using OtSensor.TestKit;

namespace OtSensor.Protocols.Tests.Dns;

public sealed class DnsStreamSessionTests
{
    private static readonly byte[] Requests = [0x00, (byte)DnsVectors.Query.Length, .. DnsVectors.Query, 0x00, (byte)DnsVectors.Query.Length, .. DnsVectors.Query];
    private static readonly byte[] Responses = [0x00, (byte)DnsVectors.Response.Length, .. DnsVectors.Response];

    [Fact]
    public void OnData_EverySplit_SameRecords()
    {
        foreach (var variant in SplitVariants.Of(Requests))
        {
            var sink = new RecordingSink();
            var feeder = new StreamFeeder(new DnsStreamSession(), sink);
            feeder.Feed(Direction.ToServer, variant.Segments);
            feeder.Feed(Direction.ToClient, Responses);
            Assert.Equal([(1, false), (1, false), (1, true)], sink.Messages.Select(m => (m.Function, m.IsResponse)));
            Assert.All(sink.Messages, m => Assert.Equal(0UL, m.Anomalies));
            Assert.Equal(0, feeder.PendingBytes(Direction.ToServer));
        }
    }

    [Fact]
    public void OnData_LengthBelowHeader_GivesUp()
    {
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new DnsStreamSession(), sink);
        feeder.Feed(Direction.ToServer, [0x00, 0x05, 1, 2, 3, 4, 5]);
        Assert.Equal(StreamStatus.Error, feeder.LastStatus);
        Assert.Equal(["bad_tcp_length"], sink.StreamAnomalies);
    }

    [Fact]
    public void OnGap_DirectionSkippedOtherDirectionStillDecoded()
    {
        var sink = new RecordingSink();
        var session = new DnsStreamSession();
        var feeder = new StreamFeeder(session, sink);
        session.OnGap(Direction.ToServer, sink);
        feeder.Feed(Direction.ToServer, Requests);
        feeder.Feed(Direction.ToClient, Responses);
        Assert.Equal([true], sink.Messages.Select(m => m.IsResponse));
        Assert.Equal(["lost_framing"], sink.StreamAnomalies);
        session.Reset();
        feeder.Feed(Direction.ToServer, Requests);
        Assert.Equal(3, sink.Messages.Count);
    }

    [Fact]
    public void OnData_SteadyState_AllocatesNothing()
    {
        var session = new DnsStreamSession();
        var sink = new NoOpSink();
        for (int i = 0; i < 100; i++) session.OnData(Requests, Direction.ToServer, sink);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) session.OnData(Requests, Direction.ToServer, sink);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
