using System.Buffers;

namespace OtSensor.Protocols.ProfinetCm;

/// <summary>
/// Reassembles one fragmented call body per direction (C706 §12.5.3.5: fragments of one call share activity,
/// sequence number and opnum and are numbered from 0; the last carries the LastFrag flag).
/// </summary>
/// <remarks>
/// One call at a time per direction is enough for PNIO-CM, whose client waits for each response. The buffer is
/// rented from the shared pool on the first fragment, grows up to <see cref="PnioCmConstants.MaxReassembledBody"/>,
/// and goes back to the pool once the call is decoded: no allocation per call in steady state. A retransmitted fragment (same number as the last) is ignored.
/// </remarks>
internal sealed class PnioCmReassembly : IDisposable
{
    private readonly byte[] _activity = new byte[16];
    private byte[]? _buffer;
    private long _sequence = -1;
    private int _opnum;
    private int _nextFragment;
    private int _length;

    public enum Result : byte
    {
        /// <summary>A fragment stored; the call is not complete.</summary>
        Pending,

        /// <summary>The last fragment arrived after all others: <see cref="Body"/> holds the call body.</summary>
        Complete,

        /// <summary>The last fragment arrived but earlier ones were missing or too large.</summary>
        Broken,

        /// <summary>A retransmission of the fragment just stored.</summary>
        Duplicate,
    }

    public int Fragments => _nextFragment;

    public bool LimitHit { get; private set; }

    public ReadOnlySpan<byte> Body => _buffer is null ? default : _buffer.AsSpan(0, _length);

    public Result Add(ReadOnlySpan<byte> activity, long sequence, int opnum, int fragmentNumber, bool last, ReadOnlySpan<byte> fragment)
    {
        bool sameCall = _sequence == sequence && _opnum == opnum && activity.SequenceEqual(_activity);
        if (fragmentNumber == 0 && !(sameCall && _nextFragment == 1))
        {
            activity.CopyTo(_activity);
            _sequence = sequence;
            _opnum = opnum;
            _nextFragment = 0;
            _length = 0;
            LimitHit = false;
            sameCall = true;
        }
        if (!sameCall) return last ? Result.Broken : Result.Pending;
        if (fragmentNumber == _nextFragment - 1) return Result.Duplicate;
        if (fragmentNumber != _nextFragment || LimitHit)
        {
            _nextFragment = -1; // broken until the next fragment 0
            _sequence = -1;
            return last ? Result.Broken : Result.Pending;
        }
        if (_length + fragment.Length > PnioCmConstants.MaxReassembledBody)
        {
            LimitHit = true;
            _sequence = -1;
            return last ? Result.Broken : Result.Pending;
        }
        EnsureCapacity(_length + fragment.Length);
        fragment.CopyTo(_buffer.AsSpan(_length));
        _length += fragment.Length;
        _nextFragment++;
        if (!last) return Result.Pending;
        _sequence = -1; // a later fragment 0 starts a new call
        return Result.Complete;
    }

    /// <summary>Forgets the call in progress and returns the buffer to the pool (rented again by the next fragmented call).</summary>
    public void Clear()
    {
        _sequence = -1;
        _nextFragment = 0;
        _length = 0;
        LimitHit = false;
        if (_buffer is not null) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
    }

    public void Dispose() => Clear();

    private void EnsureCapacity(int needed)
    {
        if (_buffer is not null && _buffer.Length >= needed) return;
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, 4096));
        if (_buffer is not null)
        {
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
        }
        _buffer = bigger;
    }
}
