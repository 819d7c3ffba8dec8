using OtSensor.Core.Parsing;
using OtSensor.Protocols.Bacnet;

namespace OtSensor.Protocols.Tests.Bacnet;

public sealed class BacnetSessionTests
{
    [Fact]
    public void OnDatagram_RejectAfterRequest_NamesTheRequestService()
    {
        var sink = new RecordingSink();
        var session = new BacnetSession();
        session.OnDatagram(BacnetVectors.ReadPropertyRequest, Direction.ToServer, sink); // invoke 1, readProperty
        session.OnDatagram(BacnetVectors.Reject, Direction.ToClient, sink);              // invoke 1
        session.OnDatagram(BacnetVectors.AbortFromServer, Direction.ToClient, sink);     // invoke 1, SRV
        session.OnDatagram(BacnetVectors.SegmentAck, Direction.ToServer, sink);          // invoke 7: no request seen
        Assert.Equal(("readProperty", -1), (sink.Messages[1].Details.GetProperty("requestServiceName").GetString(), sink.Messages[1].Function));
        Assert.Equal(12, sink.Messages[2].Details.GetProperty("requestService").GetInt32());
        Assert.False(sink.Messages[3].Details.TryGetProperty("requestService", out _));

        session.Reset();
        session.OnDatagram(BacnetVectors.Reject, Direction.ToClient, sink);
        Assert.False(sink.Messages[4].Details.TryGetProperty("requestService", out _));
    }

    [Fact]
    public void OnDatagram_SteadyState_AllocatesNothing()
    {
        var vectors = typeof(BacnetVectors).GetFields().Select(f => (byte[])f.GetValue(null)!).ToArray();
        var sink = new NoOpSink();
        var identities = new IdentitySink(keep: false);
        var session = new BacnetSession();
        for (int i = 0; i < 100; i++) Pump(session, sink, identities, vectors); // warm up (JIT, tiering)

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Pump(session, sink, identities, vectors);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1100L * vectors.Length, sink.Count);

        static void Pump(BacnetSession session, NoOpSink sink, IdentitySink identities, byte[][] vectors)
        {
            foreach (var v in vectors)
            {
                session.OnDatagram(v, Direction.ToServer, sink);
                session.OnDatagram(v, Direction.ToClient, identities);
            }
        }
    }

    [Fact]
    public void OnDatagram_Identity_ReportedWithoutAllocation()
    {
        var identities = new IdentitySink(keep: false);
        var session = new BacnetSession();
        byte[][] vectors = [BacnetVectors.IAm, BacnetVectors.ReadPropertyAckObjectName, BacnetVectors.ReadPropertyAckModelUcs2, BacnetVectors.ReadPropertyMultipleAck];
        foreach (var v in vectors) session.OnDatagram(v, Direction.ToClient, identities);
        int perRound = identities.Count;

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
            foreach (var v in vectors) session.OnDatagram(v, Direction.ToClient, identities);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        // Messages plus identity octets: vendor name (22), "AHU1", "M1", "N" and "F".
        Assert.Equal(4 + 22 + 4 + 2 + 1 + 1, perRound);
    }
}
