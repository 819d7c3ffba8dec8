using BenchmarkDotNet.Attributes;
using OtSensor.Benchmarks.Config;
using OtSensor.Core.Net;
using OtSensor.Core.Parsing;
using OtSensor.Decoding.Flows;
using OtSensor.Decoding.Packets;
using OtSensor.TestKit.Synthetic;

namespace OtSensor.Benchmarks.Decoding;

/// <summary>
/// <see cref="FlowTable.GetOrCreate"/> on existing flows, per packet: key construction, lookup, per-direction
/// counters and the LRU move. <see cref="FlowCount"/> TCP flows (distinct clients and ports to one server) exist
/// before measuring; no flow is created or ended during the measurement.
/// </summary>
/// <remarks>
/// <c>LastFlowCacheHit</c> repeats one flow's packet (consecutive packets of one conversation). <c>CacheMiss</c> walks
/// all 1000 flows in turn (interleaved conversations on a busy link): most are answered by the table's 1,024-slot
/// direct-mapped cache, the ones whose slots collide go to the dictionary.
/// </remarks>
[Config(typeof(BenchConfig))]
public class FlowTableBenchmarks
{
    private const int FlowCount = 1000;

    private FlowTable _table = null!;
    private DecodedPacket[] _packets = [];

    [GlobalSetup]
    public void Setup()
    {
        _table = new FlowTable();
        _packets = new DecodedPacket[FlowCount];
        for (int i = 0; i < FlowCount; i++)
        {
            uint client = FrameBuilder.IPv4(10, 10, (byte)(20 + (i / 250)), (byte)(1 + (i % 250)));
            var frame = BenchFrames.EthernetIPv4Tcp(clientPort: (ushort)(40000 + i), clientIP: client);
            PacketDecoder.Decode(frame, LinkType.Ethernet, ref _packets[i]);
            _table.GetOrCreate(in _packets[i], out _, out bool created);
            if (!created)
                throw new InvalidOperationException($"Packet {i} did not create a new flow.");
        }
        if (_table.Count != FlowCount)
            throw new InvalidOperationException($"Expected {FlowCount} flows, found {_table.Count}.");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = FlowCount, Description = "same flow repeated")]
    public long LastFlowCacheHit()
    {
        long sum = 0;
        ref readonly var packet = ref _packets[FlowCount / 2];
        for (int i = 0; i < FlowCount; i++)
        {
            var flow = _table.GetOrCreate(in packet, out var direction, out _);
            sum += flow!.Id + (direction == Direction.ToServer ? 1 : 0);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = FlowCount, Description = "1000 flows in turn")]
    public long CacheMiss()
    {
        long sum = 0;
        var packets = _packets;
        for (int i = 0; i < packets.Length; i++)
        {
            var flow = _table.GetOrCreate(in packets[i], out var direction, out _);
            sum += flow!.Id + (direction == Direction.ToServer ? 1 : 0);
        }
        return sum;
    }
}
