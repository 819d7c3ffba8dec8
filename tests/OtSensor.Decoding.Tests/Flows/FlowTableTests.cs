using OtSensor.Core.Net;
using OtSensor.Core.Parsing;
using OtSensor.Decoding.Flows;
using OtSensor.Decoding.Packets;
using OtSensor.Decoding.Reassembly;
using OtSensor.Decoding.Tests.Reassembly;

namespace OtSensor.Decoding.Tests.Flows;

public class FlowTableTests
{
    private const string Hmi = "192.168.1.20";
    private const string Plc = "192.168.1.10";

    private static IPAddressBytes Ip(string text) => TestPackets.Address(text);

    [Fact]
    public void GetOrCreate_SynFromClient_SynSenderIsClient()
    {
        var table = new FlowTable();
        // High client port 60000 against 1024: the port rule alone would pick 1024's peer wrongly; the SYN decides.
        var syn = TestPackets.Tcp(Plc, 1024, Hmi, 60000, TcpFlags.Syn);

        var flow = table.GetOrCreate(syn, out var direction, out bool created);

        Assert.NotNull(flow);
        Assert.True(created);
        Assert.Equal(Direction.ToServer, direction);
        Assert.Equal(new FlowEndpoint(Ip(Plc), 1024), flow.Client);
        Assert.Equal(new FlowEndpoint(Ip(Hmi), 60000), flow.Server);
        Assert.True(flow.ServerFromHandshake);
        Assert.Equal(FlowTcpState.SynSeen, flow.TcpState);
    }

    [Fact]
    public void GetOrCreate_SameTupleLongAfterTimeout_EndsOldFlowAndStartsNew()
    {
        var handler = new RecordingExpiryHandler();
        var table = new FlowTable(handler);
        var first = table.GetOrCreate(TestPackets.Tcp(Hmi, 50123, Plc, 502, TcpFlags.Ack | TcpFlags.Psh, seconds: 0, payloadLength: 12), out _, out _)!;
        long firstId = first.Id;

        // Two hours later, no SYN and no sweep in between: the old conversation is over.
        var later = table.GetOrCreate(TestPackets.Tcp(Hmi, 50123, Plc, 502, TcpFlags.Ack | TcpFlags.Psh, seconds: 7200, payloadLength: 12), out _, out bool created)!;

        Assert.True(created);
        Assert.NotEqual(firstId, later.Id);
        Assert.Equal(1, table.Expired);
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void GetOrCreate_InterleavedFlows_EachPacketFindsItsOwnFlowInBothDirections()
    {
        var table = new FlowTable();
        var flows = new Flow[300];
        for (int i = 0; i < flows.Length; i++)
            flows[i] = table.GetOrCreate(TestPackets.Tcp(Hmi, (ushort)(40000 + i), Plc, 502, TcpFlags.Syn, seconds: i * 0.001), out _, out _)!;
        for (int round = 0; round < 3; round++)
        {
            for (int i = flows.Length - 1; i >= 0; i--)
            {
                var reply = table.GetOrCreate(TestPackets.Tcp(Plc, 502, Hmi, (ushort)(40000 + i), TcpFlags.Ack, seconds: 1 + round), out var direction, out bool created);
                Assert.Same(flows[i], reply);
                Assert.False(created);
                Assert.Equal(Direction.ToClient, direction);
            }
        }
        Assert.Equal(300, table.Count);
    }

    [Fact]
    public void GetOrCreate_SynAckSeenFirst_SynAckSenderIsServer()
    {
        var table = new FlowTable();
        var synAck = TestPackets.Tcp(Hmi, 40000, Plc, 41000, TcpFlags.Syn | TcpFlags.Ack);

        var flow = table.GetOrCreate(synAck, out var direction, out _)!;

        Assert.Equal(Direction.ToClient, direction);
        Assert.Equal(new FlowEndpoint(Ip(Hmi), 40000), flow.Server);
    }

    [Fact]
    public void GetOrCreate_MidStreamResponseFromModbusPort_ServerIsPort502()
    {
        var table = new FlowTable();
        var response = TestPackets.Tcp(Plc, 502, Hmi, 50123, TcpFlags.Ack | TcpFlags.Psh, payloadLength: 11);
        var request = TestPackets.Tcp(Hmi, 50123, Plc, 502, TcpFlags.Ack | TcpFlags.Psh, seconds: 1, payloadLength: 12);

        var flow = table.GetOrCreate(response, out var first, out _)!;
        var same = table.GetOrCreate(request, out var second, out bool created);

        Assert.Same(flow, same);
        Assert.False(created);
        Assert.Equal(Direction.ToClient, first);
        Assert.Equal(Direction.ToServer, second);
        Assert.Equal(new FlowEndpoint(Ip(Plc), 502), flow.Server);
        Assert.False(flow.ServerFromHandshake);
        Assert.Equal(FlowTcpState.MidStream | FlowTcpState.Established, flow.TcpState);
        Assert.Equal(1, flow.GetPackets(Direction.ToServer));
        Assert.Equal(1, flow.GetPackets(Direction.ToClient));
        Assert.Equal(12, flow.GetPayloadBytes(Direction.ToServer));
        Assert.Equal(54 + 11, flow.GetBytes(Direction.ToClient));
        Assert.Equal(TestPackets.At(0), flow.FirstSeen);
        Assert.Equal(TestPackets.At(1), flow.LastSeen);
        Assert.NotNull(flow.Tcp);
    }

    [Fact]
    public void GetOrCreate_UdpBetweenHighPorts_LowerPortIsServer()
    {
        var table = new FlowTable();
        var flow = table.GetOrCreate(TestPackets.Udp(Hmi, 50000, Plc, 40000), out var direction, out _)!;

        Assert.Equal(Direction.ToServer, direction);
        Assert.Equal(40000, flow.Server.Port);
        Assert.Equal(TransportLayer.Udp, flow.Transport);
        Assert.Null(flow.Tcp);
    }

    [Fact]
    public void GetOrCreate_IcmpEcho_FirstSenderIsClient()
    {
        var table = new FlowTable();
        var flow = table.GetOrCreate(TestPackets.Icmp(Hmi, Plc), out var direction, out _)!;
        table.GetOrCreate(TestPackets.Icmp(Plc, Hmi), out var reply, out bool created);

        Assert.Equal(Direction.ToServer, direction);
        Assert.Equal(Direction.ToClient, reply);
        Assert.False(created);
        Assert.Equal(Ip(Plc), flow.Server.Address);
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void GetOrCreate_NotIPOrFragment_ReturnsNull()
    {
        var table = new FlowTable();
        var arp = new DecodedPacket { Network = NetworkLayer.Arp };
        var fragment = TestPackets.Udp(Hmi, 1, Plc, 2);
        fragment.IsFragment = true;

        Assert.Null(table.GetOrCreate(arp, out _, out _));
        Assert.Null(table.GetOrCreate(fragment, out _, out _));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void GetOrCreate_FullHandshakeAndFins_TracksTcpState()
    {
        var table = new FlowTable();
        var flow = table.GetOrCreate(TestPackets.Tcp(Hmi, 50000, Plc, 102, TcpFlags.Syn), out _, out _)!;
        table.GetOrCreate(TestPackets.Tcp(Plc, 102, Hmi, 50000, TcpFlags.Syn | TcpFlags.Ack), out _, out _);
        Assert.Equal(FlowTcpState.SynSeen | FlowTcpState.SynAckSeen, flow.TcpState);

        table.GetOrCreate(TestPackets.Tcp(Hmi, 50000, Plc, 102, TcpFlags.Ack), out _, out _);
        Assert.True(flow.TcpState.HasFlag(FlowTcpState.Established));

        table.GetOrCreate(TestPackets.Tcp(Hmi, 50000, Plc, 102, TcpFlags.Fin | TcpFlags.Ack), out _, out _);
        Assert.True(flow.TcpState.HasFlag(FlowTcpState.FinFromClient));
        Assert.False(flow.TcpState.HasFlag(FlowTcpState.Closed));

        table.GetOrCreate(TestPackets.Tcp(Plc, 102, Hmi, 50000, TcpFlags.Fin | TcpFlags.Ack), out _, out _);
        Assert.True(flow.TcpState.HasFlag(FlowTcpState.Closed));
    }

    [Fact]
    public void ExpireIdle_EachStateTimeout_EndsOnlyIdleFlows()
    {
        var handler = new RecordingExpiryHandler();
        var table = new FlowTable(handler);
        var udp = table.GetOrCreate(TestPackets.Udp(Hmi, 50000, Plc, 20000, seconds: 0), out _, out _)!;
        var established = table.GetOrCreate(TestPackets.Tcp(Hmi, 50001, Plc, 502, TcpFlags.Ack, seconds: 0), out _, out _)!;
        var reset = table.GetOrCreate(TestPackets.Tcp(Hmi, 50002, Plc, 502, TcpFlags.Ack, seconds: 0), out _, out _)!;
        table.GetOrCreate(TestPackets.Tcp(Plc, 502, Hmi, 50002, TcpFlags.Rst, seconds: 1), out _, out _);
        long udpId = udp.Id, establishedId = established.Id, resetId = reset.Id;

        Assert.Equal(0, table.ExpireIdle(TestPackets.At(10.5)));            // closed timeout is 10 s after the RST
        Assert.Equal(1, table.ExpireIdle(TestPackets.At(11)));
        Assert.Equal(resetId, handler.Ended[^1].Id);
        Assert.Equal(1, table.ExpireIdle(TestPackets.At(120)));              // UDP 120 s
        Assert.Equal(udpId, handler.Ended[^1].Id);
        Assert.Equal(0, table.ExpireIdle(TestPackets.At(599)));
        Assert.Equal(1, table.ExpireIdle(TestPackets.At(600)));              // established 600 s
        Assert.Equal(establishedId, handler.Ended[^1].Id);

        Assert.All(handler.Ended, e => Assert.Equal(FlowEndReason.IdleTimeout, e.Reason));
        Assert.Equal(0, table.Count);
        Assert.Equal(3, table.Expired);
    }

    [Fact]
    public void ExpireIdle_FlowStillActive_NotExpired()
    {
        var table = new FlowTable();
        for (int second = 0; second <= 300; second += 60)
            table.GetOrCreate(TestPackets.Udp(Hmi, 50000, Plc, 47808, seconds: second), out _, out _);

        Assert.Equal(0, table.ExpireIdle(TestPackets.At(400)));
        Assert.Equal(1, table.ExpireIdle(TestPackets.At(420)));
    }

    [Fact]
    public void ExpireIdle_PacketsWithinOneSecondOfListing_TimeoutCountsFromTheLastPacket()
    {
        // Packets less than a second apart leave the flow where it was listed; expiry must still count from the last one.
        var table = new FlowTable();
        foreach (double second in new[] { 0.0, 0.5, 0.9 })
            table.GetOrCreate(TestPackets.Udp(Hmi, 50000, Plc, 47808, seconds: second), out _, out _);

        Assert.Equal(0, table.ExpireIdle(TestPackets.At(120.5)));          // 119.6 s after the last packet
        Assert.Equal(1, table.Count);
        Assert.Equal(1, table.ExpireIdle(TestPackets.At(121)));            // 120.1 s
    }

    [Fact]
    public void ExpireIdle_HeadUsedSinceListed_MovedBehindIdleFlow()
    {
        var handler = new RecordingExpiryHandler();
        var table = new FlowTable(handler);
        var busy = table.GetOrCreate(TestPackets.Udp(Hmi, 50000, Plc, 47808, seconds: 0), out _, out _)!;
        var idle = table.GetOrCreate(TestPackets.Udp(Hmi, 50001, Plc, 47808, seconds: 0.2), out _, out _)!;
        table.GetOrCreate(TestPackets.Udp(Hmi, 50000, Plc, 47808, seconds: 0.7), out _, out _);   // busy, not relinked
        long idleId = idle.Id, busyId = busy.Id;

        Assert.Equal(1, table.ExpireIdle(TestPackets.At(120.5)));
        Assert.Equal(idleId, handler.Ended[0].Id);
        Assert.Equal(1, table.ExpireIdle(TestPackets.At(120.7)));
        Assert.Equal(busyId, handler.Ended[1].Id);
    }

    [Fact]
    public void GetOrCreate_TableFullOneClass_EvictsLeastRecentlyUsedNotFirstListed()
    {
        // All three in the UDP list, listed a, b, c; a packet on a leaves it at the head (lists are put right lazily),
        // and eviction must still pass over it to b.
        var handler = new RecordingExpiryHandler();
        var table = new FlowTable(new FlowTableLimits { MaxFlows = 3 }, ReassemblyLimits.Default, handler);
        var a = table.GetOrCreate(TestPackets.Udp(Hmi, 1001, Plc, 161, seconds: 1), out _, out _)!;
        var b = table.GetOrCreate(TestPackets.Udp(Hmi, 1002, Plc, 161, seconds: 2), out _, out _)!;
        var c = table.GetOrCreate(TestPackets.Udp(Hmi, 1003, Plc, 161, seconds: 3), out _, out _)!;
        long aId = a.Id, bId = b.Id, cId = c.Id;
        table.GetOrCreate(TestPackets.Udp(Plc, 161, Hmi, 1001, seconds: 4), out _, out _);  // touch a

        table.GetOrCreate(TestPackets.Udp(Hmi, 1004, Plc, 161, seconds: 5), out _, out _);
        table.GetOrCreate(TestPackets.Udp(Hmi, 1005, Plc, 161, seconds: 6), out _, out _);

        Assert.Equal([bId, cId], handler.Ended.Select(e => e.Id));
        Assert.Equal(aId, a.Id);
    }

    [Fact]
    public void GetOrCreate_TableFull_EvictsLeastRecentlyUsed()
    {
        var handler = new RecordingExpiryHandler();
        var table = new FlowTable(new FlowTableLimits { MaxFlows = 3 }, ReassemblyLimits.Default, handler);
        var a = table.GetOrCreate(TestPackets.Udp(Hmi, 1001, Plc, 161, seconds: 1), out _, out _)!;
        var b = table.GetOrCreate(TestPackets.Tcp(Hmi, 1002, Plc, 502, TcpFlags.Ack, seconds: 2), out _, out _)!;
        table.GetOrCreate(TestPackets.Udp(Hmi, 1003, Plc, 161, seconds: 3), out _, out _);
        long aId = a.Id, bId = b.Id;
        table.GetOrCreate(TestPackets.Udp(Plc, 161, Hmi, 1001, seconds: 4), out _, out _);  // touch a

        table.GetOrCreate(TestPackets.Udp(Hmi, 1004, Plc, 161, seconds: 5), out _, out bool created);

        Assert.True(created);
        Assert.Equal(3, table.Count);
        Assert.Equal(1, table.Evicted);
        Assert.Equal((bId, FlowEndReason.Evicted), (handler.Ended[0].Id, handler.Ended[0].Reason));
        Assert.Equal(aId, a.Id);                                           // a survived
    }

    [Fact]
    public void GetOrCreate_EndedFlowRecycled_StateIsReset()
    {
        var handler = new RecordingExpiryHandler();
        var table = new FlowTable(handler);
        var old = table.GetOrCreate(TestPackets.Tcp(Hmi, 50000, Plc, 502, TcpFlags.Syn, payloadLength: 0, sequence: 100), out _, out _)!;
        old.Application = "modbus session";
        var consumer = new RecordingConsumer();
        old.Tcp!.OnSegment(Direction.ToServer, 100, TcpFlags.Syn, default, consumer);
        old.Tcp.OnSegment(Direction.ToServer, 105, TcpFlags.Ack, "late"u8, consumer);    // stored out of order
        long oldId = old.Id;
        table.ExpireIdle(TestPackets.At(1000));
        Assert.Equal("modbus session", handler.Ended[0].Application);

        var reused = table.GetOrCreate(TestPackets.Tcp(Hmi, 50001, Plc, 502, TcpFlags.Syn, seconds: 1001), out _, out _)!;

        Assert.Same(old, reused);                                          // pooled
        Assert.True(reused.Id > oldId);
        Assert.Null(reused.Application);
        Assert.Equal(1, reused.GetPackets(Direction.ToServer));
        Assert.Equal(0, reused.GetPackets(Direction.ToClient));
        Assert.Equal(FlowTcpState.SynSeen, reused.TcpState);
        Assert.False(reused.Tcp!.IsStarted(Direction.ToServer));
        Assert.Equal(0, reused.Tcp.OutOfOrderSegments(Direction.ToServer));
        Assert.Equal(1, table.EndedTcpStats.OutOfOrderSegments);
    }

    [Fact]
    public void GetOrCreate_SynOnClosedTuple_StartsNewFlow()
    {
        var handler = new RecordingExpiryHandler();
        var table = new FlowTable(handler);
        var first = table.GetOrCreate(TestPackets.Tcp(Hmi, 50000, Plc, 502, TcpFlags.Syn), out _, out _)!;
        long firstId = first.Id;
        table.GetOrCreate(TestPackets.Tcp(Plc, 502, Hmi, 50000, TcpFlags.Rst | TcpFlags.Ack), out _, out _);

        var second = table.GetOrCreate(TestPackets.Tcp(Hmi, 50000, Plc, 502, TcpFlags.Syn, seconds: 1), out _, out bool created)!;

        Assert.True(created);
        Assert.NotEqual(firstId, second.Id);
        Assert.Equal(FlowEndReason.TcpPortReuse, handler.Ended[0].Reason);
        Assert.Equal(1, table.PortReused);
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void EndAll_LiveFlows_HandlerSeesEveryFlow()
    {
        var handler = new RecordingExpiryHandler();
        var table = new FlowTable(handler);
        table.GetOrCreate(TestPackets.Udp(Hmi, 1, Plc, 2), out _, out _);
        table.GetOrCreate(TestPackets.Tcp(Hmi, 3, Plc, 4, TcpFlags.Syn), out _, out _);
        table.GetOrCreate(TestPackets.Icmp(Hmi, Plc), out _, out _);

        table.EndAll();

        Assert.Equal(3, handler.Ended.Count);
        Assert.All(handler.Ended, e => Assert.Equal(FlowEndReason.Shutdown, e.Reason));
        Assert.Equal(0, table.Count);
        Assert.Equal(3, table.Created);
    }

    [Fact]
    public void GetOrCreate_WarmTable_AllocatesNothing()
    {
        var table = new FlowTable(new FlowTableLimits { MaxFlows = 64 }, ReassemblyLimits.Default);
        var packets = new DecodedPacket[128];
        for (int i = 0; i < packets.Length; i++)
        {
            packets[i] = i % 2 == 0
                ? TestPackets.Tcp(Hmi, (ushort)(50000 + i), Plc, 502, TcpFlags.Ack)
                : TestPackets.Udp(Plc, 20000, Hmi, (ushort)(40000 + i));
        }
        // Warm-up: the very loop measured below, once, so every path it takes (eviction, recycling, timeouts on the
        // changing timestamps) has run and every pool and the dictionary have reached their steady size.
        for (int round = 0; round < 100; round++)
        {
            for (int i = 0; i < packets.Length; i++)
            {
                packets[i].Timestamp = new Core.Time.Timestamp(round);
                table.GetOrCreate(packets[i], out _, out _);
            }
            table.ExpireIdle(new Core.Time.Timestamp(round));
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        long seen = 0;
        for (int round = 0; round < 100; round++)
        {
            for (int i = 0; i < packets.Length; i++)
            {
                packets[i].Timestamp = new Core.Time.Timestamp(round);
                if (table.GetOrCreate(packets[i], out _, out _) is not null)
                    seen++;
            }
            table.ExpireIdle(new Core.Time.Timestamp(round));
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(12_800, seen);
        Assert.True(table.Evicted > 0);
    }
}
