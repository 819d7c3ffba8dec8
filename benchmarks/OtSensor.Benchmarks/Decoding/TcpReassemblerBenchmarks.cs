using BenchmarkDotNet.Attributes;
using OtSensor.Benchmarks.Config;
using OtSensor.Core.Parsing;
using OtSensor.Decoding.Packets;
using OtSensor.Decoding.Reassembly;

namespace OtSensor.Benchmarks.Decoding;

/// <summary>
/// <see cref="TcpReassembler.OnSegment"/>, per segment of <see cref="SegmentLength"/> bytes, with a consumer that
/// consumes everything it is offered (so nothing is ever pending). Sequence numbers keep increasing across
/// invocations (and wrap modulo 2^32 as they would on the wire), so every call is new data, never a retransmission.
/// </summary>
/// <remarks>
/// <c>InOrder</c> is the zero-copy fast path: the payload span goes straight to the consumer.
/// <c>OutOfOrderPairs</c> sends each pair of segments swapped: the later one is copied into a pooled array and
/// stored, the earlier one fills the hole and both are delivered (one store, one drain per pair).
/// </remarks>
[Config(typeof(BenchConfig))]
public class TcpReassemblerBenchmarks
{
    private const int Segments = 1024;
    private const int SegmentLength = 64;
    private const TcpFlags PshAck = TcpFlags.Psh | TcpFlags.Ack;

    private readonly byte[] _payload = new byte[SegmentLength];
    private TcpReassembler _inOrder = null!;
    private TcpReassembler _outOfOrder = null!;
    private ConsumeAll _consumer = null!;
    private uint _inOrderSeq;
    private uint _outOfOrderSeq;

    [GlobalSetup]
    public void Setup()
    {
        for (int i = 0; i < _payload.Length; i++) _payload[i] = (byte)i;
        _consumer = new ConsumeAll();
        _inOrder = new TcpReassembler();
        _outOfOrder = new TcpReassembler();

        // Handshake SYN fixes each stream's start at ISN + 1.
        _inOrderSeq = 0xFFFF_0000;
        _inOrder.OnSegment(Direction.ToServer, _inOrderSeq++, TcpFlags.Syn, [], _consumer);
        _outOfOrderSeq = 0xFFFF_0000;
        _outOfOrder.OnSegment(Direction.ToServer, _outOfOrderSeq++, TcpFlags.Syn, [], _consumer);

        // Warm the pooled arrays and verify both paths deliver every byte.
        InOrder();
        OutOfOrderPairs();
        if (_consumer.Bytes != 2L * Segments * SegmentLength || _inOrder.Stats.Gaps != 0 || _outOfOrder.Stats.Gaps != 0
            || _outOfOrder.Stats.OutOfOrderSegments != Segments / 2)
        {
            throw new InvalidOperationException($"Reassembly did not deliver every byte: {_consumer.Bytes} bytes.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Segments, Description = "in order, 64-byte segments")]
    public long InOrder()
    {
        var payload = _payload;
        uint seq = _inOrderSeq;
        for (int i = 0; i < Segments; i++)
        {
            _inOrder.OnSegment(Direction.ToServer, seq, PshAck, payload, _consumer);
            seq += SegmentLength;
        }
        _inOrderSeq = seq;
        return _consumer.Bytes;
    }

    [Benchmark(OperationsPerInvoke = Segments, Description = "out-of-order pairs (n+1 before n)")]
    public long OutOfOrderPairs()
    {
        var payload = _payload;
        uint seq = _outOfOrderSeq;
        for (int i = 0; i < Segments; i += 2)
        {
            _outOfOrder.OnSegment(Direction.ToServer, seq + SegmentLength, PshAck, payload, _consumer);
            _outOfOrder.OnSegment(Direction.ToServer, seq, PshAck, payload, _consumer);
            seq += 2 * SegmentLength;
        }
        _outOfOrderSeq = seq;
        return _consumer.Bytes;
    }

    /// <summary>Consumes every byte offered, like a session that only ever sees whole frames.</summary>
    private sealed class ConsumeAll : ITcpStreamConsumer
    {
        public long Bytes;

        public int OnData(ReadOnlySpan<byte> data, Direction direction)
        {
            Bytes += data.Length;
            return data.Length;
        }

        public void OnGap(Direction direction, long missingBytes)
        {
        }
    }
}
