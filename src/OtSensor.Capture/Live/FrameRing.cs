using System.Buffers.Binary;
using System.Numerics;

namespace OtSensor.Capture.Live;

/// <summary>
/// Bounded single-producer / single-consumer queue of frames between a capture thread and the analysis thread:
/// one pre-allocated byte arena that frames are copied into back to back. Writing never blocks and never allocates:
/// a frame that does not fit is dropped and counted in <see cref="Dropped"/>.
/// </summary>
/// <remarks>
/// <para>Record layout in the arena (every record starts 8-byte aligned):</para>
/// <code>
///  0               4               8                              16
/// +---------------+---------------+-------------------------------+----------------------+
/// | captured len  | original len  | timestamp (ns since epoch)    | bytes, padded to 8   |
/// | int32 (≥ 0)   | int32         | int64                         |                      |
/// +---------------+---------------+-------------------------------+----------------------+
/// </code>
/// <para>
/// A record never straddles the end of the arena: when the space left before the end is too small the producer
/// writes a wrap marker (captured len = −1) there, or leaves fewer than 16 bytes that the consumer skips, and
/// starts again at offset 0. <c>_head</c> and <c>_tail</c> are byte positions that only grow; the producer alone
/// writes <c>_head</c> (release) and the consumer alone writes <c>_tail</c> (release), each reads the other's with
/// acquire semantics, so a record's bytes are visible before its position is published.
/// </para>
/// </remarks>
public sealed class FrameRing
{
    /// <summary>Bytes of the record header in front of each frame.</summary>
    public const int HeaderBytes = 16;

    private const int WrapMarker = -1;

    private readonly byte[] _arena;
    private readonly long _mask;

    // Producer side (capture thread).
    private long _head;
    private long _written;
    private long _dropped;

    // Consumer side (analysis thread).
    private long _tail;
    private long _read;
    private int _peekedBytes;

    /// <summary>Creates a ring of <paramref name="capacityBytes"/> rounded up to a power of two (at least 4 KiB).</summary>
    public FrameRing(int capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacityBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacityBytes, 1 << 30);
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacityBytes, 4096));
        _arena = GC.AllocateUninitializedArray<byte>(capacity, pinned: true);
        _mask = capacity - 1;
    }

    /// <summary>Size of the arena in bytes.</summary>
    public int Capacity => _arena.Length;

    /// <summary>Frames accepted by <see cref="TryWrite"/> so far.</summary>
    public long Written => Volatile.Read(ref _written);

    /// <summary>Frames refused by <see cref="TryWrite"/> because the ring was full (or the frame larger than the ring).</summary>
    public long Dropped => Volatile.Read(ref _dropped);

    /// <summary>Frames handed out and released by the consumer so far.</summary>
    public long Read => Volatile.Read(ref _read);

    /// <summary>Bytes currently held (records, padding and wrap gaps included).</summary>
    public long UsedBytes => Volatile.Read(ref _head) - Volatile.Read(ref _tail);

    /// <summary>Largest frame that can ever fit (a record must fit in half the arena, so wrapping always succeeds on an empty ring).</summary>
    public int MaxFrameBytes => (_arena.Length / 2) - HeaderBytes;

    /// <summary>
    /// Producer only: copies one frame into the ring. Returns false, and counts the frame as dropped, when the ring
    /// has no room for it; never waits for the consumer.
    /// </summary>
    public bool TryWrite(ReadOnlySpan<byte> frame, int originalLength, long timestampNanoseconds)
    {
        if (frame.Length > MaxFrameBytes) return Drop();
        int need = HeaderBytes + Align8(frame.Length);
        long head = _head;
        long tail = Volatile.Read(ref _tail);
        int index = (int)(head & _mask);
        int contiguous = _arena.Length - index;
        if (contiguous < need)
        {
            // Not enough room before the end of the arena: skip the rest of it and start again at 0.
            if (head + contiguous + need - tail > _arena.Length) return Drop();
            if (contiguous >= HeaderBytes) BinaryPrimitives.WriteInt32LittleEndian(_arena.AsSpan(index), WrapMarker);
            head += contiguous;
            index = 0;
        }
        else if (head + need - tail > _arena.Length)
        {
            return Drop();
        }

        var record = _arena.AsSpan(index, need);
        BinaryPrimitives.WriteInt32LittleEndian(record, frame.Length);
        BinaryPrimitives.WriteInt32LittleEndian(record[4..], originalLength);
        BinaryPrimitives.WriteInt64LittleEndian(record[8..], timestampNanoseconds);
        frame.CopyTo(record[HeaderBytes..]);
        _written++;
        Volatile.Write(ref _head, head + need);
        return true;
    }

    /// <summary>
    /// Consumer only: the oldest frame, left in place until <see cref="Release"/>. The span points into the arena and
    /// stays valid until then.
    /// </summary>
    public bool TryPeek(out ReadOnlySpan<byte> frame, out int originalLength, out long timestampNanoseconds)
    {
        long tail = _tail;
        long head = Volatile.Read(ref _head);
        while (tail != head)
        {
            int index = (int)(tail & _mask);
            int contiguous = _arena.Length - index;
            int length = contiguous >= HeaderBytes ? BinaryPrimitives.ReadInt32LittleEndian(_arena.AsSpan(index)) : WrapMarker;
            if (length == WrapMarker)
            {
                tail += contiguous;
                Volatile.Write(ref _tail, tail);
                continue;
            }
            originalLength = BinaryPrimitives.ReadInt32LittleEndian(_arena.AsSpan(index + 4));
            timestampNanoseconds = BinaryPrimitives.ReadInt64LittleEndian(_arena.AsSpan(index + 8));
            frame = _arena.AsSpan(index + HeaderBytes, length);
            _peekedBytes = HeaderBytes + Align8(length);
            return true;
        }
        frame = default;
        originalLength = 0;
        timestampNanoseconds = 0;
        return false;
    }

    /// <summary>Consumer only: the timestamp of the oldest frame without taking it, or false when the ring is empty.</summary>
    public bool TryPeekTimestamp(out long timestampNanoseconds) => TryPeek(out _, out _, out timestampNanoseconds);

    /// <summary>Consumer only: gives the frame returned by the last <see cref="TryPeek"/> back to the producer.</summary>
    public void Release()
    {
        if (_peekedBytes == 0) throw new InvalidOperationException("Release without a frame from TryPeek.");
        _read++;
        Volatile.Write(ref _tail, _tail + _peekedBytes);
        _peekedBytes = 0;
    }

    private bool Drop()
    {
        Volatile.Write(ref _dropped, _dropped + 1);
        return false;
    }

    private static int Align8(int length) => (length + 7) & ~7;
}
