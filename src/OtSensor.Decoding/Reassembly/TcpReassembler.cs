using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using OtSensor.Core.Parsing;
using OtSensor.Decoding.Packets;

namespace OtSensor.Decoding.Reassembly;

/// <summary>
/// Turns one TCP connection's segments, as captured, into two in-order byte streams handed to an
/// <see cref="ITcpStreamConsumer"/>. One instance per TCP flow, pooled with the flow and recycled by <see cref="Reset"/>.
/// </summary>
/// <remarks>
/// <para>Sequence numbers follow RFC 9293 §3.4: a SYN occupies one sequence number, so data starts at ISN+1;
/// all comparisons are modulo 2^32 (signed 32-bit difference to the next expected number, RFC 1982 style).</para>
/// <para>Per direction the state is:</para>
/// <code>
///   ... delivered ... | pending (unconsumed, re-offered) | NextSeq | hole | stored | hole | stored ...
/// </code>
/// <para><b>In order, nothing pending</b> (the common case): the payload span goes straight to the consumer, no copy.
/// Only what the consumer leaves unconsumed is copied into the pooled pending buffer, and offered again,
/// prefixed, with the next bytes. <b>Ahead of NextSeq</b>: the bytes not already stored are copied into pooled
/// arrays kept in a list sorted by sequence; stored pieces never overlap (first copy wins; differing overlaps
/// count as <see cref="TcpReassemblyStats.OverlapMismatches"/>). When the hole fills, stored pieces are released
/// in order. <b>Behind NextSeq</b>: retransmission, dropped and counted, so no byte is delivered twice.</para>
/// <para>Gaps: when a store bound is hit, on FIN with holes, or on <see cref="Flush"/>, the stream skips to the
/// earliest stored byte and the consumer gets <see cref="ITcpStreamConsumer.OnGap"/>. A consumer must not call
/// back into the same reassembler from its callbacks.</para>
/// </remarks>
public sealed class TcpReassembler
{
    private readonly ReassemblyLimits _limits;
    private StreamState _toServer;
    private StreamState _toClient;
    private TcpReassemblyStats _stats;

    public TcpReassembler()
        : this(ReassemblyLimits.Default)
    {
    }

    public TcpReassembler(ReassemblyLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits;
    }

    /// <summary>Counters since creation or the last <see cref="Reset"/>.</summary>
    public ref readonly TcpReassemblyStats Stats => ref _stats;

    /// <summary>True once a segment (SYN or, when picked up mid-stream, any segment) fixed the direction's start.</summary>
    public bool IsStarted(Direction direction) => State(direction).Started;

    /// <summary>True after a FIN or RST in <paramref name="direction"/> (or an RST in either direction).</summary>
    public bool IsClosed(Direction direction) => State(direction).Closed;

    /// <summary>The sequence number of the next byte expected in <paramref name="direction"/>.</summary>
    public uint NextSequence(Direction direction) => State(direction).NextSeq;

    /// <summary>Stream bytes handed to the consumer so far in <paramref name="direction"/> (gaps excluded).</summary>
    public long DeliveredBytes(Direction direction) => State(direction).Delivered;

    /// <summary>Bytes the consumer left unconsumed, held for the next call.</summary>
    public int PendingBytes(Direction direction) => State(direction).PendingLength;

    /// <summary>Stored out-of-order pieces waiting for a hole to fill.</summary>
    public int OutOfOrderSegments(Direction direction) => State(direction).SegmentCount;

    /// <summary>Bytes held in stored out-of-order pieces.</summary>
    public int OutOfOrderBytes(Direction direction) => State(direction).StoredBytes;

    /// <summary>
    /// Offers one captured segment. <paramref name="payload"/> is only read during the call; whatever must outlive
    /// it is copied into pooled buffers. Never throws on wire data.
    /// </summary>
    public void OnSegment(Direction direction, uint sequence, TcpFlags flags, ReadOnlySpan<byte> payload, ITcpStreamConsumer consumer)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        _stats.Segments++;
        ref StreamState s = ref State(direction);
        uint dataSequence = sequence;
        if ((flags & TcpFlags.Syn) != 0)
        {
            // The SYN occupies the ISN; its data (TCP Fast Open) and all later data start at ISN+1.
            dataSequence = sequence + 1;
            if (!s.Started)
            {
                s.Started = true;
                s.NextSeq = dataSequence;
            }
        }
        else if (!s.Started)
        {
            // Picked up mid-stream: the first segment seen in this direction defines where the stream starts.
            s.Started = true;
            s.NextSeq = sequence;
        }

        if (s.Reset)
        {
            // Segments still in flight after an RST are never delivered.
            if (!payload.IsEmpty)
            {
                _stats.RetransmittedSegments++;
                _stats.RetransmittedBytes += payload.Length;
            }
            return;
        }

        if (!payload.IsEmpty)
            ProcessData(ref s, direction, dataSequence, payload, consumer);

        if ((flags & TcpFlags.Rst) != 0)
        {
            // RFC 9293 §3.10.7: an RST aborts the connection; holes in either direction will never fill.
            Abort(ref _toServer);
            Abort(ref _toClient);
        }
        else if ((flags & TcpFlags.Fin) != 0 && !s.FinSeen)
        {
            s.FinSeen = true;
            FlushHoles(ref s, direction, dataSequence + (uint)payload.Length, consumer);
            s.Closed = true;
        }
    }

    /// <summary>
    /// Ends both directions as if the connection closed now (flow expiry, shutdown): stored out-of-order data
    /// is delivered after a gap for each hole. Pending unconsumed bytes stay with the consumer's last view.
    /// </summary>
    public void Flush(ITcpStreamConsumer consumer)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        if (!_toServer.Reset)
            FlushHoles(ref _toServer, Direction.ToServer, _toServer.NextSeq, consumer);
        if (!_toClient.Reset)
            FlushHoles(ref _toClient, Direction.ToClient, _toClient.NextSeq, consumer);
    }

    /// <summary>Returns pooled buffers and clears all state and counters, so the instance can serve a new connection.</summary>
    public void Reset()
    {
        Release(ref _toServer);
        Release(ref _toClient);
        _toServer = default;
        _toClient = default;
        _stats = default;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref StreamState State(Direction direction)
        => ref direction == Direction.ToServer ? ref _toServer : ref _toClient;

    private void ProcessData(ref StreamState s, Direction direction, uint sequence, ReadOnlySpan<byte> payload, ITcpStreamConsumer consumer)
    {
        bool counted = false;
        while (true)
        {
            int relative = (int)(sequence - s.NextSeq);
            if (relative < 0)
            {
                if (-(long)relative >= payload.Length)
                {
                    _stats.RetransmittedSegments++;
                    _stats.RetransmittedBytes += payload.Length;
                    return;
                }
                // Partial retransmission: deliver only the bytes past NextSeq.
                _stats.RetransmittedBytes += -relative;
                payload = payload[-relative..];
                sequence = s.NextSeq;
                relative = 0;
            }

            if (relative == 0)
            {
                if (s.SegmentCount == 0)
                {
                    Deliver(ref s, direction, payload, consumer);
                    return;
                }
                int firstRelative = (int)(s.Segments![0].Seq - s.NextSeq);
                if (payload.Length <= firstRelative)
                {
                    Deliver(ref s, direction, payload, consumer);
                    Drain(ref s, direction, consumer);
                    return;
                }
                // The segment runs into stored data: deliver up to it, then store only what is new past it
                // (first copy wins) and release everything contiguous.
                Deliver(ref s, direction, payload[..firstRelative], consumer);
                payload = payload[firstRelative..];
                sequence = s.NextSeq;
            }
            else if (!counted)
            {
                counted = true;
                _stats.OutOfOrderSegments++;
            }

            if (TryStore(ref s, sequence, payload))
            {
                Drain(ref s, direction, consumer);
                return;
            }

            _stats.OutOfOrderBoundHits++;
            if (s.SegmentCount > 0 && (int)(s.Segments![0].Seq - s.NextSeq) <= 0)
            {
                Drain(ref s, direction, consumer);
                continue;
            }
            // Store full: give up on the first hole, jumping to the earliest byte we hold (stored or this segment).
            uint target = sequence;
            if (s.SegmentCount > 0 && (int)(s.Segments![0].Seq - sequence) < 0)
                target = s.Segments[0].Seq;
            SkipTo(ref s, direction, target, consumer);
            Drain(ref s, direction, consumer);
        }
    }

    /// <summary>Stores the parts of a segment ahead of NextSeq that no stored piece covers yet; false when a bound would be exceeded.</summary>
    private bool TryStore(ref StreamState s, uint sequence, ReadOnlySpan<byte> payload)
    {
        long start = (int)(sequence - s.NextSeq);
        long end = start + payload.Length;

        // Pass 1: how many new pieces and bytes, without changing anything, so a refusal leaves the store intact.
        int pieces = 0;
        long newBytes = 0;
        long cursor = start;
        for (int i = 0; i < s.SegmentCount && cursor < end; i++)
        {
            long segmentStart = (int)(s.Segments![i].Seq - s.NextSeq);
            long segmentEnd = segmentStart + s.Segments[i].Length;
            if (segmentEnd <= cursor)
                continue;
            if (segmentStart >= end)
                break;
            if (segmentStart > cursor)
            {
                pieces++;
                newBytes += segmentStart - cursor;
            }
            cursor = segmentEnd;
        }
        if (cursor < end)
        {
            pieces++;
            newBytes += end - cursor;
        }
        if (s.SegmentCount + pieces > _limits.MaxOutOfOrderSegments || s.StoredBytes + newBytes > _limits.MaxOutOfOrderBytes)
            return false;

        // Pass 2: insert the new pieces; compare the overlapped bytes with the stored copy, which wins.
        bool overlapped = false;
        bool mismatch = false;
        cursor = start;
        int index = 0;
        while (cursor < end)
        {
            if (index >= s.SegmentCount)
            {
                Insert(ref s, index, sequence + (uint)(cursor - start), payload.Slice((int)(cursor - start), (int)(end - cursor)));
                break;
            }
            ref Segment segment = ref s.Segments![index];
            long segmentStart = (int)(segment.Seq - s.NextSeq);
            long segmentEnd = segmentStart + segment.Length;
            if (segmentStart >= end)
            {
                Insert(ref s, index, sequence + (uint)(cursor - start), payload.Slice((int)(cursor - start), (int)(end - cursor)));
                break;
            }
            if (segmentEnd <= cursor)
            {
                index++;
                continue;
            }
            if (segmentStart > cursor)
            {
                Insert(ref s, index, sequence + (uint)(cursor - start), payload.Slice((int)(cursor - start), (int)(segmentStart - cursor)));
                index++;
                cursor = segmentStart;
                continue;
            }
            long overlapEnd = Math.Min(segmentEnd, end);
            overlapped = true;
            var incoming = payload.Slice((int)(cursor - start), (int)(overlapEnd - cursor));
            var stored = segment.Data.AsSpan((int)(cursor - segmentStart), incoming.Length);
            if (!incoming.SequenceEqual(stored))
                mismatch = true;
            cursor = overlapEnd;
            index++;
        }

        if (overlapped)
            _stats.Overlaps++;
        if (mismatch)
            _stats.OverlapMismatches++;
        return true;
    }

    /// <summary>Copies one new piece into a pooled array and inserts it at <paramref name="index"/> of the sorted list.</summary>
    private void Insert(ref StreamState s, int index, uint sequence, ReadOnlySpan<byte> data)
    {
        s.Segments ??= ArrayPool<Segment>.Shared.Rent(Math.Max(1, _limits.MaxOutOfOrderSegments));
        var array = ArrayPool<byte>.Shared.Rent(data.Length);
        data.CopyTo(array);
        if (index < s.SegmentCount)
            Array.Copy(s.Segments, index, s.Segments, index + 1, s.SegmentCount - index);
        s.Segments[index] = new Segment { Seq = sequence, Length = data.Length, Data = array };
        s.SegmentCount++;
        s.StoredBytes += data.Length;
    }

    /// <summary>Releases stored pieces that now start at or before NextSeq, in order.</summary>
    private void Drain(ref StreamState s, Direction direction, ITcpStreamConsumer consumer)
    {
        while (s.SegmentCount > 0)
        {
            Segment first = s.Segments![0];
            int relative = (int)(first.Seq - s.NextSeq);
            if (relative > 0)
                return;
            s.SegmentCount--;
            s.StoredBytes -= first.Length;
            if (s.SegmentCount > 0)
                Array.Copy(s.Segments, 1, s.Segments, 0, s.SegmentCount);
            s.Segments[s.SegmentCount] = default;
            if (-(long)relative < first.Length)
                Deliver(ref s, direction, first.Data.AsSpan(-relative, first.Length + relative), consumer);
            ArrayPool<byte>.Shared.Return(first.Data);
        }
    }

    /// <summary>Declares the bytes between NextSeq and <paramref name="target"/> lost.</summary>
    private void SkipTo(ref StreamState s, Direction direction, uint target, ITcpStreamConsumer consumer)
    {
        int missing = (int)(target - s.NextSeq);
        if (missing <= 0)
            return;
        long dropped = s.PendingLength;
        s.PendingLength = 0;
        s.NextSeq = target;
        _stats.Gaps++;
        _stats.GapBytes += missing;
        consumer.OnGap(direction, dropped + missing);
    }

    /// <summary>Skips every hole up to the last stored byte (or <paramref name="end"/> if later), delivering what is stored.</summary>
    private void FlushHoles(ref StreamState s, Direction direction, uint end, ITcpStreamConsumer consumer)
    {
        while (s.SegmentCount > 0)
        {
            SkipTo(ref s, direction, s.Segments![0].Seq, consumer);
            Drain(ref s, direction, consumer);
        }
        SkipTo(ref s, direction, end, consumer);
    }

    private void Deliver(ref StreamState s, Direction direction, ReadOnlySpan<byte> data, ITcpStreamConsumer consumer)
    {
        s.NextSeq += (uint)data.Length;
        s.Delivered += data.Length;
        _stats.BytesDelivered += data.Length;

        if (s.PendingLength != 0)
        {
            if ((long)s.PendingLength + data.Length <= _limits.MaxPendingBytes)
            {
                EnsurePendingCapacity(ref s, s.PendingLength + data.Length);
                data.CopyTo(s.Pending.AsSpan(s.PendingLength));
                int total = s.PendingLength + data.Length;
                int used = Clamp(consumer.OnData(s.Pending.AsSpan(0, total), direction), total);
                // Overlapping move (memmove semantics) of the unconsumed tail to the front.
                s.Pending.AsSpan(used, total - used).CopyTo(s.Pending);
                s.PendingLength = total - used;
                return;
            }
            // The consumer has not made progress within the bound: drop what it holds and start afresh.
            _stats.PendingBoundHits++;
            _stats.Gaps++;
            long dropped = s.PendingLength;
            s.PendingLength = 0;
            consumer.OnGap(direction, dropped);
        }

        // Fast path: no copy unless the consumer leaves a tail.
        int consumed = Clamp(consumer.OnData(data, direction), data.Length);
        if (consumed == data.Length)
            return;
        var rest = data[consumed..];
        if (rest.Length > _limits.MaxPendingBytes)
        {
            _stats.PendingBoundHits++;
            _stats.Gaps++;
            consumer.OnGap(direction, rest.Length);
            return;
        }
        EnsurePendingCapacity(ref s, rest.Length);
        rest.CopyTo(s.Pending);
        s.PendingLength = rest.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Clamp(int consumed, int length)
    {
        Debug.Assert((uint)consumed <= (uint)length, "Consumer returned more than it was offered.");
        if ((uint)consumed > (uint)length)
            return consumed < 0 ? 0 : length;
        return consumed;
    }

    private static void EnsurePendingCapacity(ref StreamState s, int needed)
    {
        if (s.Pending is not null && s.Pending.Length >= needed)
            return;
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(4096, (s.Pending?.Length ?? 0) * 2)));
        if (s.Pending is not null)
        {
            s.Pending.AsSpan(0, s.PendingLength).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(s.Pending);
        }
        s.Pending = larger;
    }

    private void Abort(ref StreamState s)
    {
        _stats.DroppedOnResetBytes += s.StoredBytes;
        Release(ref s);
        s.Reset = true;
        s.Closed = true;
    }

    private static void Release(ref StreamState s)
    {
        if (s.Segments is not null)
        {
            for (int i = 0; i < s.SegmentCount; i++)
                ArrayPool<byte>.Shared.Return(s.Segments[i].Data);
            ArrayPool<Segment>.Shared.Return(s.Segments, clearArray: true);
            s.Segments = null;
        }
        s.SegmentCount = 0;
        s.StoredBytes = 0;
        if (s.Pending is not null)
        {
            ArrayPool<byte>.Shared.Return(s.Pending);
            s.Pending = null;
        }
        s.PendingLength = 0;
    }

    private struct Segment
    {
        public uint Seq;
        public int Length;
        public byte[] Data;
    }

    private struct StreamState
    {
        public bool Started;
        public bool FinSeen;
        public bool Closed;
        public bool Reset;
        public uint NextSeq;
        public long Delivered;
        public byte[]? Pending;
        public int PendingLength;
        public Segment[]? Segments;
        public int SegmentCount;
        public int StoredBytes;
    }
}
