using System.Buffers;
using OtSensor.Core.Time;
using OtSensor.Decoding.Packets;

namespace OtSensor.Decoding.Fragments;

/// <summary>
/// Reassembles IPv4 and IPv6 fragments into the original IP payload, with bounded memory and time.
/// </summary>
/// <remarks>
/// RFC 791 §3.2 (IPv4 reassembly), RFC 8200 §4.5 (IPv6), RFC 815 (hole tracking). Policy:
/// <list type="bullet">
/// <item>First arrival wins: bytes already held are never overwritten. A fragment whose bytes were all held
/// already, with identical content, is a duplicate (counted, not flagged); any other overlap sets
/// <see cref="DecodeAnomalies.FragmentOverlap"/> (RFC 5722 treats IPv6 overlaps as an attack).</item>
/// <item>A fragment ending beyond <see cref="MaxDatagramLength"/> sets <see cref="DecodeAnomalies.FragmentTooLarge"/>
/// and drops the datagram (the "ping of death" shape).</item>
/// <item>At most <c>maxDatagrams</c> datagrams in progress; a new one evicts the oldest and sets
/// <see cref="DecodeAnomalies.FragmentLimitReached"/>. A datagram whose holes exceed
/// <see cref="MaxRangesPerDatagram"/> is dropped with the same bit.</item>
/// <item>Datagrams older than the timeout in capture time (first fragment's timestamp) are evicted on later calls.</item>
/// </list>
/// Not thread-safe: one instance per capture worker.
/// </remarks>
public sealed class IPFragmentReassembler : IDisposable
{
    /// <summary>Largest reassembled IP payload (the 16-bit IPv4 total length bounds the datagram).</summary>
    public const int MaxDatagramLength = 65535;
    public const int DefaultMaxDatagrams = 1024;
    /// <summary>Bound on disjoint received ranges (so on holes) per datagram, against tiny-fragment floods.</summary>
    public const int MaxRangesPerDatagram = 64;
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private const int InitialBufferLength = 2048;

    private readonly int _maxDatagrams;
    private readonly long _timeoutNanoseconds;
    private readonly Dictionary<FragmentKey, FragmentDatagram> _datagrams;
    /// <summary>In-progress datagrams, oldest first: the head is the next to expire or to be evicted.</summary>
    private readonly LinkedList<FragmentDatagram> _byAge = new();
    private readonly Stack<FragmentDatagram> _pool = new();
    /// <summary>Buffer behind the last returned payload; given back to the pool on the next call.</summary>
    private byte[]? _completedBuffer;

    public IPFragmentReassembler()
        : this(DefaultMaxDatagrams, DefaultTimeout)
    {
    }

    public IPFragmentReassembler(int maxDatagrams, TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDatagrams, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _maxDatagrams = maxDatagrams;
        _timeoutNanoseconds = timeout.Ticks * 100;
        _datagrams = new Dictionary<FragmentKey, FragmentDatagram>(Math.Min(maxDatagrams, DefaultMaxDatagrams));
    }

    /// <summary>Datagrams reassembled completely.</summary>
    public long Completed { get; private set; }
    /// <summary>Datagrams dropped unfinished: aged out, evicted for room, too large or too many holes.</summary>
    public long Evicted { get; private set; }
    /// <summary>Of <see cref="Evicted"/>, those evicted because <c>maxDatagrams</c> were in progress.</summary>
    public long LimitReached { get; private set; }
    /// <summary>Fragments that overlapped bytes already held with different boundaries or content.</summary>
    public long Overlaps { get; private set; }
    /// <summary>Fragments that repeated bytes already held, identically.</summary>
    public long Duplicates { get; private set; }
    /// <summary>Datagrams dropped for exceeding <see cref="MaxDatagramLength"/>.</summary>
    public long TooLarge { get; private set; }
    /// <summary>Datagrams currently in progress.</summary>
    public int InProgress => _datagrams.Count;

    /// <summary>
    /// Adds the fragment described by <paramref name="fragmentPacket"/> (decoded by <see cref="PacketDecoder"/>, with
    /// <see cref="DecodedPacket.IsFragment"/> set) whose data is <paramref name="fragmentData"/> (the frame slice at
    /// <see cref="DecodedPacket.IPPayloadOffset"/>). Returns true when this fragment completed its datagram:
    /// <paramref name="datagramPayload"/> is then the reassembled IP payload, valid until the next call.
    /// Anomalies found are added to <paramref name="fragmentPacket"/>.
    /// </summary>
    public bool TryAdd(ref DecodedPacket fragmentPacket, ReadOnlySpan<byte> fragmentData, out ReadOnlySpan<byte> datagramPayload)
    {
        datagramPayload = default;
        ReleaseCompletedBuffer();
        var now = fragmentPacket.Timestamp;
        ExpireOlderThan(now);
        if (!fragmentPacket.IsFragment || !fragmentPacket.IsIP) return false;

        var key = new FragmentKey(fragmentPacket.SourceIP, fragmentPacket.DestinationIP, fragmentPacket.IPIdentification,
            fragmentPacket.IPProtocol, fragmentPacket.Network == NetworkLayer.IPv6);
        int start = fragmentPacket.FragmentOffset;
        int end = start + fragmentData.Length;
        _datagrams.TryGetValue(key, out var datagram);

        if (end > MaxDatagramLength)
        {
            fragmentPacket.Anomalies |= DecodeAnomalies.FragmentTooLarge;
            TooLarge++;
            if (datagram is not null) Drop(datagram);
            return false;
        }

        if (datagram is null)
        {
            if (_datagrams.Count >= _maxDatagrams)
            {
                fragmentPacket.Anomalies |= DecodeAnomalies.FragmentLimitReached;
                LimitReached++;
                Drop(_byAge.First!.Value);
            }
            datagram = _pool.Count > 0 ? _pool.Pop() : new FragmentDatagram(MaxRangesPerDatagram);
            datagram.Reset(key, now);
            _datagrams.Add(key, datagram);
            _byAge.AddLast(datagram.Node);
        }

        // The last fragment fixes the length; fragments disagreeing with it are inconsistent overlaps.
        int highest = datagram.RangeCount > 0 ? datagram.Ranges[datagram.RangeCount - 1].End : 0;
        bool inconsistent = fragmentPacket.MoreFragments
            ? datagram.TotalLength >= 0 && end > datagram.TotalLength
            : (datagram.TotalLength >= 0 && end != datagram.TotalLength) || highest > end;
        if (inconsistent)
        {
            fragmentPacket.Anomalies |= DecodeAnomalies.FragmentOverlap;
            Overlaps++;
            return false;
        }
        if (!fragmentPacket.MoreFragments) datagram.TotalLength = end;
        if (fragmentData.IsEmpty) return TryComplete(datagram, out datagramPayload);

        if (!TryInsertRange(datagram, start, end, fragmentData, ref fragmentPacket)) return false;
        return TryComplete(datagram, out datagramPayload);
    }

    /// <summary>Drops every datagram in progress and returns all buffers to the pool.</summary>
    public void Clear()
    {
        ReleaseCompletedBuffer();
        while (_byAge.First is { } node) Drop(node.Value);
    }

    public void Dispose() => Clear();

    private bool TryInsertRange(FragmentDatagram datagram, int start, int end, ReadOnlySpan<byte> data, ref DecodedPacket packet)
    {
        var ranges = datagram.Ranges;
        int count = datagram.RangeCount;

        // First index whose range touches or follows [start, end), and one past the last one touching it.
        int first = 0;
        while (first < count && ranges[first].End < start) first++;
        int last = first;
        while (last < count && ranges[last].Start <= end) last++;
        if (last == first && count == ranges.Length)
        {
            packet.Anomalies |= DecodeAnomalies.FragmentLimitReached;
            Drop(datagram);
            return false;
        }

        EnsureCapacity(datagram, end);
        var buffer = datagram.Buffer.AsSpan();

        // Copy only the holes inside [start, end): first arrival wins. Compare what is already held.
        bool anyHeld = false;
        bool anyNew = false;
        bool heldDiffers = false;
        int position = start;
        for (int i = first; i < last; i++)
        {
            var (rangeStart, rangeEnd) = ranges[i];
            if (position < rangeStart)
            {
                data.Slice(position - start, rangeStart - position).CopyTo(buffer[position..]);
                anyNew = true;
            }
            int heldStart = Math.Max(rangeStart, start);
            int heldEnd = Math.Min(rangeEnd, end);
            if (heldStart < heldEnd)
            {
                anyHeld = true;
                if (!buffer[heldStart..heldEnd].SequenceEqual(data.Slice(heldStart - start, heldEnd - heldStart)))
                    heldDiffers = true;
            }
            position = Math.Max(position, rangeEnd);
        }
        if (position < end)
        {
            data[(position - start)..].CopyTo(buffer[position..]);
            anyNew = true;
        }

        if (anyHeld)
        {
            if (!heldDiffers && !anyNew)
            {
                Duplicates++;
            }
            else
            {
                Overlaps++;
                packet.Anomalies |= DecodeAnomalies.FragmentOverlap;
            }
        }

        // Merge [start, end) with ranges[first..last) into one range.
        if (first == last)
        {
            Array.Copy(ranges, first, ranges, first + 1, count - first);
            ranges[first] = (start, end);
            datagram.RangeCount = count + 1;
        }
        else
        {
            ranges[first] = (Math.Min(start, ranges[first].Start), Math.Max(end, ranges[last - 1].End));
            int removed = last - first - 1;
            if (removed > 0)
            {
                Array.Copy(ranges, last, ranges, first + 1, count - last);
                datagram.RangeCount = count - removed;
            }
        }
        return true;
    }

    private bool TryComplete(FragmentDatagram datagram, out ReadOnlySpan<byte> payload)
    {
        int total = datagram.TotalLength;
        if (total < 0 || datagram.RangeCount != 1 || datagram.Ranges[0].Start != 0 || datagram.Ranges[0].End != total)
        {
            payload = default;
            return false;
        }
        _completedBuffer = datagram.Buffer;
        datagram.Buffer = null;
        payload = _completedBuffer.AsSpan(0, total);
        Completed++;
        Remove(datagram);
        return true;
    }

    private static void EnsureCapacity(FragmentDatagram datagram, int end)
    {
        var old = datagram.Buffer;
        if (old is not null && old.Length >= end) return;
        // Grow geometrically: fragments usually arrive in order, one MTU at a time.
        int length = Math.Max(end, old is null ? InitialBufferLength : Math.Min(old.Length * 2, MaxDatagramLength));
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        if (old is not null)
        {
            int used = datagram.RangeCount > 0 ? datagram.Ranges[datagram.RangeCount - 1].End : 0;
            old.AsSpan(0, used).CopyTo(buffer);
            ArrayPool<byte>.Shared.Return(old);
        }
        datagram.Buffer = buffer;
    }

    private void ExpireOlderThan(Timestamp now)
    {
        while (_byAge.First is { } node && now.UnixNanoseconds - node.Value.FirstSeen.UnixNanoseconds > _timeoutNanoseconds)
            Drop(node.Value);
    }

    private void Drop(FragmentDatagram datagram)
    {
        Evicted++;
        if (datagram.Buffer is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            datagram.Buffer = null;
        }
        Remove(datagram);
    }

    private void Remove(FragmentDatagram datagram)
    {
        _datagrams.Remove(datagram.Key);
        _byAge.Remove(datagram.Node);
        _pool.Push(datagram);
    }

    private void ReleaseCompletedBuffer()
    {
        if (_completedBuffer is null) return;
        ArrayPool<byte>.Shared.Return(_completedBuffer);
        _completedBuffer = null;
    }
}
