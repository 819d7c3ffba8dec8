using OtSensor.Core.Parsing;
using OtSensor.Decoding.Packets;
using OtSensor.Decoding.Reassembly;

namespace OtSensor.Decoding.Tests.Reassembly;

public class TcpReassemblerTests
{
    private const Direction C2S = Direction.ToServer;
    private const Direction S2C = Direction.ToClient;
    private const uint Isn = 1000;

    // Client request "ABCDEFGHIJKLMNOP" (16 bytes) = 4 segments of 4 bytes: seq ISN+1, +5, +9, +13.
    private static readonly byte[] Stream16 = "ABCDEFGHIJKLMNOP"u8.ToArray();

    private static TcpReassembler StartedClient(RecordingConsumer consumer, uint isn = Isn)
    {
        var r = new TcpReassembler();
        r.OnSegment(C2S, isn, TcpFlags.Syn, default, consumer);
        return r;
    }

    [Fact]
    public void OnSegment_OneMessageInTwoSegments_DeliversOnce()
    {
        var consumer = new RecordingConsumer();
        var r = StartedClient(consumer);

        r.OnSegment(C2S, Isn + 1, TcpFlags.Ack | TcpFlags.Psh, "HELLO "u8, consumer);
        r.OnSegment(C2S, Isn + 7, TcpFlags.Ack | TcpFlags.Psh, "WORLD"u8, consumer);

        Assert.Equal("HELLO WORLD"u8.ToArray(), consumer.Stream(C2S));
        Assert.Equal(11, r.Stats.BytesDelivered);
        Assert.Equal(3, r.Stats.Segments);
        Assert.Empty(consumer.Gaps);
        Assert.Equal(Isn + 12, r.NextSequence(C2S));
    }

    [Fact]
    public void OnSegment_SynCarriesData_DataStartsAtIsnPlusOne()
    {
        var consumer = new RecordingConsumer();
        var r = new TcpReassembler();

        // TCP Fast Open: the SYN itself carries "AB"; those bytes occupy ISN+1 and ISN+2.
        r.OnSegment(C2S, Isn, TcpFlags.Syn, "AB"u8, consumer);
        r.OnSegment(C2S, Isn + 3, TcpFlags.Ack, "CD"u8, consumer);

        Assert.Equal("ABCD"u8.ToArray(), consumer.Stream(C2S));
    }

    [Fact]
    public void OnSegment_FourSegmentsInEveryOrder_DeliversStreamInOrderOnce()
    {
        int[][] permutations = Permutations([0, 1, 2, 3]);
        Assert.Equal(24, permutations.Length);
        foreach (var order in permutations)
        {
            var consumer = new RecordingConsumer();
            var r = StartedClient(consumer);
            foreach (int i in order)
                r.OnSegment(C2S, Isn + 1 + (uint)(4 * i), TcpFlags.Ack, Stream16.AsSpan(4 * i, 4), consumer);

            Assert.Equal(Stream16, consumer.Stream(C2S));
            Assert.Equal(16, r.Stats.BytesDelivered);
            Assert.Equal(0, r.OutOfOrderSegments(C2S));
            Assert.Equal(0, r.OutOfOrderBytes(C2S));
            Assert.Empty(consumer.Gaps);
            Assert.Equal(0, r.Stats.RetransmittedBytes);
        }
    }

    [Fact]
    public void OnSegment_FullRetransmission_DroppedAndCounted()
    {
        var consumer = new RecordingConsumer();
        var r = StartedClient(consumer);

        r.OnSegment(C2S, Isn + 1, TcpFlags.Ack, "ABCD"u8, consumer);
        r.OnSegment(C2S, Isn + 1, TcpFlags.Ack, "ABCD"u8, consumer);
        r.OnSegment(C2S, Isn + 5, TcpFlags.Ack, "EF"u8, consumer);

        Assert.Equal("ABCDEF"u8.ToArray(), consumer.Stream(C2S));
        Assert.Equal(1, r.Stats.RetransmittedSegments);
        Assert.Equal(4, r.Stats.RetransmittedBytes);
    }

    [Fact]
    public void OnSegment_PartialRetransmission_DeliversOnlyNewBytes()
    {
        var consumer = new RecordingConsumer();
        var r = StartedClient(consumer);

        r.OnSegment(C2S, Isn + 1, TcpFlags.Ack, "ABCD"u8, consumer);
        // Repacketized retransmission: "CD" again plus new "EFG".
        r.OnSegment(C2S, Isn + 3, TcpFlags.Ack, "CDEFG"u8, consumer);

        Assert.Equal("ABCDEFG"u8.ToArray(), consumer.Stream(C2S));
        Assert.Equal(2, r.Stats.RetransmittedBytes);
        Assert.Equal(7, r.Stats.BytesDelivered);
    }

    [Fact]
    public void OnSegment_OverlapWithDifferentBytes_FirstCopyWinsAndCountsMismatch()
    {
        var consumer = new RecordingConsumer();
        var r = StartedClient(consumer);

        r.OnSegment(C2S, Isn + 5, TcpFlags.Ack, "EFGH"u8, consumer);     // stored, hole at ISN+1..4
        r.OnSegment(C2S, Isn + 7, TcpFlags.Ack, "xyIJ"u8, consumer);     // "xy" overlaps stored "GH" with different bytes
        r.OnSegment(C2S, Isn + 1, TcpFlags.Ack, "ABCD"u8, consumer);     // fills the hole

        Assert.Equal("ABCDEFGHIJ"u8.ToArray(), consumer.Stream(C2S));
        Assert.Equal(1, r.Stats.Overlaps);
        Assert.Equal(1, r.Stats.OverlapMismatches);
    }

    [Fact]
    public void OnSegment_OverlapWithSameBytes_CountsOverlapOnly()
    {
        var consumer = new RecordingConsumer();
        var r = StartedClient(consumer);

        r.OnSegment(C2S, Isn + 5, TcpFlags.Ack, "EFGH"u8, consumer);
        r.OnSegment(C2S, Isn + 3, TcpFlags.Ack, "CDEFGHIJ"u8, consumer); // spans the stored piece on both sides
        r.OnSegment(C2S, Isn + 1, TcpFlags.Ack, "AB"u8, consumer);

        Assert.Equal("ABCDEFGHIJ"u8.ToArray(), consumer.Stream(C2S));
        Assert.Equal(1, r.Stats.Overlaps);
        Assert.Equal(0, r.Stats.OverlapMismatches);
        Assert.Equal(2, r.Stats.OutOfOrderSegments);
    }

    [Fact]
    public void OnSegment_InOrderSegmentRunsIntoStoredData_StoredCopyWins()
    {
        var consumer = new RecordingConsumer();
        var r = StartedClient(consumer);

        r.OnSegment(C2S, Isn + 5, TcpFlags.Ack, "EF"u8, consumer);
        // In order, but bytes 5..6 were already stored as "EF": the stored (first) copy is delivered.
        r.OnSegment(C2S, Isn + 1, TcpFlags.Ack, "ABCDxyGH"u8, consumer);

        Assert.Equal("ABCDEFGH"u8.ToArray(), consumer.Stream(C2S));
        Assert.Equal(1, r.Stats.OverlapMismatches);
        Assert.Equal(0, r.OutOfOrderSegments(C2S));
    }

    [Fact]
    public void OnSegment_SequenceWrapsAt2Pow32_DeliversContiguously()
    {
        var consumer = new RecordingConsumer();
        const uint isn = 0xFFFF_FFF9;                                    // data starts at 0xFFFFFFFA
        var r = StartedClient(consumer, isn);

        r.OnSegment(C2S, 0xFFFF_FFFA, TcpFlags.Ack, "ABCD"u8, consumer); // 0xFFFFFFFA..0xFFFFFFFD
        r.OnSegment(C2S, 0x0000_0002, TcpFlags.Ack, "IJKL"u8, consumer); // after the wrap: stored out of order
        r.OnSegment(C2S, 0xFFFF_FFFE, TcpFlags.Ack, "EFGH"u8, consumer); // 0xFFFFFFFE..0x00000001 crosses the wrap
        r.OnSegment(C2S, 0xFFFF_FFFC, TcpFlags.Ack, "CDEF"u8, consumer); // retransmission across the wrap

        Assert.Equal("ABCDEFGHIJKL"u8.ToArray(), consumer.Stream(C2S));
        Assert.Equal(6u, r.NextSequence(C2S));
        Assert.Equal(4, r.Stats.RetransmittedBytes);
        Assert.Empty(consumer.Gaps);
    }

    [Fact]
    public void OnSegment_MidStreamPickup_FirstSegmentOfEachDirectionStartsStream()
    {
        var consumer = new RecordingConsumer();
        var r = new TcpReassembler();

        r.OnSegment(S2C, 777_000, TcpFlags.Ack | TcpFlags.Psh, "resp1"u8, consumer);
        r.OnSegment(C2S, 5_000_000, TcpFlags.Ack | TcpFlags.Psh, "req2"u8, consumer);
        r.OnSegment(S2C, 777_005, TcpFlags.Ack | TcpFlags.Psh, "resp2"u8, consumer);

        Assert.Equal("resp1resp2"u8.ToArray(), consumer.Stream(S2C));
        Assert.Equal("req2"u8.ToArray(), consumer.Stream(C2S));
        Assert.True(r.IsStarted(C2S));
        Assert.Empty(consumer.Gaps);
    }

    [Fact]
    public void OnSegment_OutOfOrderSegmentBoundExceeded_SkipsToEarliestStoredAndReportsGap()
    {
        var consumer = new RecordingConsumer();
        var r = new TcpReassembler(new ReassemblyLimits { MaxOutOfOrderSegments = 2 });
        r.OnSegment(C2S, Isn, TcpFlags.Syn, default, consumer);

        // Hole of 2 bytes at ISN+1 that never arrives; three 2-byte segments behind it, the store holds two.
        r.OnSegment(C2S, Isn + 3, TcpFlags.Ack, "CD"u8, consumer);
        r.OnSegment(C2S, Isn + 5, TcpFlags.Ack, "EF"u8, consumer);
        Assert.Empty(consumer.Gaps);
        r.OnSegment(C2S, Isn + 7, TcpFlags.Ack, "GH"u8, consumer);

        Assert.Equal([(C2S, 2L)], consumer.Gaps);
        Assert.Equal("CDEFGH"u8.ToArray(), consumer.Stream(C2S));
        Assert.Equal(1, r.Stats.OutOfOrderBoundHits);
        Assert.Equal(1, r.Stats.Gaps);
        Assert.Equal(2, r.Stats.GapBytes);

        // The stream continues normally after the gap.
        r.OnSegment(C2S, Isn + 9, TcpFlags.Ack, "IJ"u8, consumer);
        Assert.Equal("CDEFGHIJ"u8.ToArray(), consumer.Stream(C2S));
        // The late hole filler is now a retransmission of skipped space: never delivered.
        r.OnSegment(C2S, Isn + 1, TcpFlags.Ack, "AB"u8, consumer);
        Assert.Equal("CDEFGHIJ"u8.ToArray(), consumer.Stream(C2S));
    }

    [Fact]
    public void OnSegment_OutOfOrderByteBoundExceeded_ReportsGap()
    {
        var consumer = new RecordingConsumer();
        var r = new TcpReassembler(new ReassemblyLimits { MaxOutOfOrderBytes = 5 });
        r.OnSegment(C2S, Isn, TcpFlags.Syn, default, consumer);

        r.OnSegment(C2S, Isn + 2, TcpFlags.Ack, "BCD"u8, consumer);
        r.OnSegment(C2S, Isn + 5, TcpFlags.Ack, "EFG"u8, consumer);     // 6 bytes > 5: gap of 1 at ISN+1

        Assert.Equal([(C2S, 1L)], consumer.Gaps);
        Assert.Equal("BCDEFG"u8.ToArray(), consumer.Stream(C2S));
    }

    [Fact]
    public void OnSegment_FinWithHole_ReportsGapAndDeliversStored()
    {
        var consumer = new RecordingConsumer();
        var r = StartedClient(consumer);

        r.OnSegment(C2S, Isn + 1, TcpFlags.Ack, "AB"u8, consumer);
        r.OnSegment(C2S, Isn + 5, TcpFlags.Ack | TcpFlags.Fin, "EF"u8, consumer); // "CD" lost

        Assert.Equal([(C2S, 2L)], consumer.Gaps);
        Assert.Equal("ABEF"u8.ToArray(), consumer.Stream(C2S));
        Assert.True(r.IsClosed(C2S));
        Assert.False(r.IsClosed(S2C));
    }

    [Fact]
    public void OnSegment_FinAfterLostLastSegment_ReportsGapUpToFin()
    {
        var consumer = new RecordingConsumer();
        var r = StartedClient(consumer);

        r.OnSegment(C2S, Isn + 1, TcpFlags.Ack, "AB"u8, consumer);
        r.OnSegment(C2S, Isn + 6, TcpFlags.Ack | TcpFlags.Fin, default, consumer); // "CDE" never seen

        Assert.Equal([(C2S, 3L)], consumer.Gaps);
    }

    [Fact]
    public void OnSegment_RstWithHoles_DropsOutOfOrderDataAndCounts()
    {
        var consumer = new RecordingConsumer();
        var r = StartedClient(consumer);

        r.OnSegment(C2S, Isn + 1, TcpFlags.Ack, "AB"u8, consumer);
        r.OnSegment(C2S, Isn + 5, TcpFlags.Ack, "EFG"u8, consumer);
        r.OnSegment(S2C, 9000, TcpFlags.Rst, default, consumer);
        r.OnSegment(C2S, Isn + 3, TcpFlags.Ack, "CD"u8, consumer);       // in flight after the reset

        Assert.Equal("AB"u8.ToArray(), consumer.Stream(C2S));
        Assert.Equal(3, r.Stats.DroppedOnResetBytes);
        Assert.True(r.IsClosed(C2S));
        Assert.True(r.IsClosed(S2C));
        Assert.Equal(0, r.OutOfOrderBytes(C2S));
        Assert.Empty(consumer.Gaps);
    }

    [Fact]
    public void Flush_WithHoles_ReportsEachGapAndDeliversStored()
    {
        var consumer = new RecordingConsumer();
        var r = StartedClient(consumer);

        r.OnSegment(C2S, Isn + 3, TcpFlags.Ack, "CD"u8, consumer);
        r.OnSegment(C2S, Isn + 8, TcpFlags.Ack, "HI"u8, consumer);
        r.Flush(consumer);

        Assert.Equal([(C2S, 2L), (C2S, 3L)], consumer.Gaps);
        Assert.Equal("CDHI"u8.ToArray(), consumer.Stream(C2S));
        Assert.Equal(0, r.OutOfOrderSegments(C2S));
    }

    [Fact]
    public void OnSegment_ConsumerLeavesPartialRecord_RecordCompletedByNextSegment()
    {
        var consumer = new LengthPrefixedRecordConsumer();
        var r = new TcpReassembler();
        r.OnSegment(C2S, Isn, TcpFlags.Syn, default, consumer);

        r.OnSegment(C2S, Isn + 1, TcpFlags.Ack, [
            0x00, 0x02, 0x41, 0x42,   // record 1: length 2, "AB"
            0x00, 0x03, 0x43,         // record 2: length 3, first body byte only
        ], consumer);
        Assert.Equal(3, r.PendingBytes(C2S));
        r.OnSegment(C2S, Isn + 8, TcpFlags.Ack, [0x44, 0x45], consumer); // rest of record 2: "DE"

        Assert.Equal(["AB"u8.ToArray(), "CDE"u8.ToArray()], consumer.Records);
        Assert.Equal(0, r.PendingBytes(C2S));
    }

    [Fact]
    public void OnSegment_RecordsSplitEveryWay_ReassemblesRecordsInOrder()
    {
        byte[] stream = RecordStream(out var expected);
        foreach (var variant in OtSensor.TestKit.SplitVariants.Of(stream))
        {
            var consumer = new LengthPrefixedRecordConsumer();
            var r = new TcpReassembler();
            const uint isn = 0xFFFF_FFF0;                                   // the stream crosses 2^32
            r.OnSegment(C2S, isn, TcpFlags.Syn, default, consumer);
            uint seq = isn + 1;
            foreach (var segment in variant.Segments)
            {
                r.OnSegment(C2S, seq, TcpFlags.Ack, segment, consumer);
                seq += (uint)segment.Length;
            }

            Assert.True(expected.Count == consumer.Records.Count, variant.Name);
            for (int i = 0; i < expected.Count; i++)
                Assert.True(expected[i].AsSpan().SequenceEqual(consumer.Records[i]), $"{variant.Name} record {i}");
            Assert.Equal(0, r.PendingBytes(C2S));
            Assert.Empty(consumer.Gaps);
        }
    }

    [Fact]
    public void OnSegment_RecordsSplitEveryWayInReverseOrder_ReassemblesRecordsInOrder()
    {
        byte[] stream = RecordStream(out var expected);
        foreach (var variant in OtSensor.TestKit.SplitVariants.Of(stream))
        {
            var consumer = new LengthPrefixedRecordConsumer();
            var r = new TcpReassembler();
            const uint isn = 0xFFFF_FFF0;
            r.OnSegment(C2S, isn, TcpFlags.Syn, default, consumer);
            var starts = new uint[variant.Segments.Count];
            uint seq = isn + 1;
            for (int i = 0; i < starts.Length; i++)
            {
                starts[i] = seq;
                seq += (uint)variant.Segments[i].Length;
            }
            for (int i = starts.Length - 1; i >= 0; i--)
                r.OnSegment(C2S, starts[i], TcpFlags.Ack, variant.Segments[i], consumer);

            Assert.True(expected.Count == consumer.Records.Count, variant.Name);
            for (int i = 0; i < expected.Count; i++)
                Assert.True(expected[i].AsSpan().SequenceEqual(consumer.Records[i]), $"{variant.Name} record {i}");
            Assert.Equal(0, r.PendingBytes(C2S));
            Assert.Equal(0, r.OutOfOrderSegments(C2S));
            Assert.Equal(stream.Length, r.Stats.BytesDelivered);
        }
    }

    [Fact]
    public void OnSegment_PendingExceedsBound_DropsPendingAndReportsGap()
    {
        var consumer = new LengthPrefixedRecordConsumer();
        var r = new TcpReassembler(new ReassemblyLimits { MaxPendingBytes = 8 });
        r.OnSegment(C2S, Isn, TcpFlags.Syn, default, consumer);

        // A record header announcing 0x0100 bytes: the consumer never completes it within 8 bytes.
        r.OnSegment(C2S, Isn + 1, TcpFlags.Ack, [0x01, 0x00, 0xAA, 0xBB, 0xCC], consumer);
        Assert.Equal(5, r.PendingBytes(C2S));
        r.OnSegment(C2S, Isn + 6, TcpFlags.Ack, [0xDD, 0xEE, 0xFF, 0x11], consumer);  // 9 > 8

        Assert.Equal([5L], consumer.Gaps);
        Assert.Equal(1, r.Stats.PendingBoundHits);
        // The new bytes were offered fresh (parsed as a header 0xDDEE and kept pending).
        Assert.Equal(4, r.PendingBytes(C2S));
    }

    [Fact]
    public void OnSegment_GapWhilePending_MissingIncludesDroppedPendingBytes()
    {
        var consumer = new LengthPrefixedRecordConsumer();
        var r = new TcpReassembler(new ReassemblyLimits { MaxOutOfOrderSegments = 1 });
        r.OnSegment(C2S, Isn, TcpFlags.Syn, default, consumer);

        r.OnSegment(C2S, Isn + 1, TcpFlags.Ack, [0x00, 0x04, 0x41], consumer);     // partial record, 3 pending
        r.OnSegment(C2S, Isn + 8, TcpFlags.Ack, [0x00, 0x01], consumer);           // stored; hole ISN+4..7
        r.OnSegment(C2S, Isn + 10, TcpFlags.Ack, [0x5A], consumer);                // store full: gap

        Assert.Equal([3L + 4L], consumer.Gaps);
        Assert.Equal(["Z"u8.ToArray()], consumer.Records);
    }

    [Fact]
    public void Reset_AfterUse_BehavesLikeNew()
    {
        var consumer = new RecordingConsumer();
        var r = StartedClient(consumer);
        r.OnSegment(C2S, Isn + 5, TcpFlags.Ack, "EF"u8, consumer);

        r.Reset();

        Assert.False(r.IsStarted(C2S));
        Assert.Equal(0, r.OutOfOrderSegments(C2S));
        Assert.Equal(0, r.Stats.Segments);
        var fresh = new RecordingConsumer();
        r.OnSegment(C2S, 42, TcpFlags.Syn, default, fresh);
        r.OnSegment(C2S, 43, TcpFlags.Ack, "new"u8, fresh);
        Assert.Equal("new"u8.ToArray(), fresh.Stream(C2S));
    }

    [Fact]
    public void OnSegment_WarmReassemblerInOrder_AllocatesNothing()
    {
        var consumer = new CountingConsumer();
        var r = new TcpReassembler();
        byte[] payload = new byte[1460];
        uint seq = 7;
        r.OnSegment(C2S, seq++, TcpFlags.Syn, default, consumer);
        for (int i = 0; i < 100; i++, seq += (uint)payload.Length)
            r.OnSegment(C2S, seq, TcpFlags.Ack, payload, consumer);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++, seq += (uint)payload.Length)
            r.OnSegment(C2S, seq, TcpFlags.Ack | TcpFlags.Psh, payload, consumer);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(10_100L * payload.Length, consumer.Bytes);
    }

    [Fact]
    public void OnSegment_WarmReassemblerWithPartialRecords_AllocatesNothing()
    {
        var consumer = new PartialCountingConsumer();
        var r = new TcpReassembler();
        // Records of 2 + 98 bytes cut into 60-byte segments: every other call leaves a tail pending.
        byte[] stream = new byte[100 * 60];
        for (int i = 0; i < stream.Length; i += 100)
            stream[i + 1] = 98;
        uint seq = 7;
        r.OnSegment(C2S, seq++, TcpFlags.Syn, default, consumer);
        for (int i = 0; i < 20; i++, seq += 60)
            r.OnSegment(C2S, seq, TcpFlags.Ack, stream.AsSpan((i % 100) * 60, 60), consumer);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 20; i < 10_020; i++, seq += 60)
            r.OnSegment(C2S, seq, TcpFlags.Ack, stream.AsSpan((i % 100) * 60, 60), consumer);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(10_020 * 60 / 100, consumer.Records);
    }

    /// <summary>Like <see cref="LengthPrefixedRecordConsumer"/> but only counts, so it allocates nothing.</summary>
    private sealed class PartialCountingConsumer : ITcpStreamConsumer
    {
        public long Records;

        public int OnData(ReadOnlySpan<byte> data, Direction direction)
        {
            int consumed = 0;
            while (data.Length - consumed >= 2)
            {
                int length = (data[consumed] << 8) | data[consumed + 1];
                if (2 + length > data.Length - consumed)
                    break;
                Records++;
                consumed += 2 + length;
            }
            return consumed;
        }

        public void OnGap(Direction direction, long missingBytes) => throw new InvalidOperationException("No gap expected.");
    }

    /// <summary>Five records of body length 0, 1, 5, 3 and 10: a 29-byte stream.</summary>
    private static byte[] RecordStream(out List<byte[]> bodies)
    {
        bodies = [[], [0x01], [0x02, 0x03, 0x04, 0x05, 0x06], [0x07, 0x08, 0x09], [0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19]];
        var stream = new List<byte>();
        foreach (var body in bodies)
        {
            stream.Add((byte)(body.Length >> 8));
            stream.Add((byte)body.Length);
            stream.AddRange(body);
        }
        return [.. stream];
    }

    private static int[][] Permutations(int[] items)
    {
        if (items.Length == 1)
            return [items];
        var result = new List<int[]>();
        for (int i = 0; i < items.Length; i++)
        {
            int[] rest = [.. items[..i], .. items[(i + 1)..]];
            foreach (var tail in Permutations(rest))
                result.Add([items[i], .. tail]);
        }
        return [.. result];
    }
}
