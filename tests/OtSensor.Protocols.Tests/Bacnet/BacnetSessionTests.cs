using OtSensor.Core.Parsing;
using OtSensor.Protocols.Bacnet;

namespace OtSensor.Protocols.Tests.Bacnet;

public sealed class BacnetSessionTests
{
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
