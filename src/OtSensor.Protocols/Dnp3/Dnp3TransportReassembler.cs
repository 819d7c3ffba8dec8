using System.Buffers;

namespace OtSensor.Protocols.Dnp3;

/// <summary>Transport-function reassembly of application fragments for one direction of a flow.</summary>
/// <remarks>
/// <para>IEEE 1815-2012 §8.2: each link frame's user data starts with a transport header
/// <c>FIN(7) FIR(6) SEQ(5..0)</c>. A fragment starts with a FIR segment, continues with consecutive sequence
/// numbers (mod 64) from the same source to the same destination, and ends with FIN. A repeated segment (same
/// sequence as the previous one) is a link-layer retry and is dropped (§8.2.1.2).</para>
/// <para>The buffer is rented from <see cref="ArrayPool{T}.Shared"/>, grows on demand, and never exceeds
/// <see cref="MaxFragmentLength"/>; past it the fragment is discarded and <c>too_long_reassembly</c> is
/// reported (Suricata's decoder event of the same name).</para>
/// </remarks>
internal sealed class Dnp3TransportReassembler(int maxFragmentLength)
{
    private const int InitialBuffer = 2048;

    private byte[]? _buffer;
    private int _length;
    private bool _active;
    private bool _overflow;
    private byte _lastSeq;
    private Dnp3LinkHeader _first;
    private int _frames;
    private bool _crcError;

    public int MaxFragmentLength { get; } = maxFragmentLength;

    /// <summary>Adds one transport segment. Returns true when it completed a fragment, available through <see cref="Fragment"/>.</summary>
    /// <param name="problem">A stream anomaly name when the segment or the fragment in progress was discarded; otherwise null.</param>
    public bool Add(in Dnp3LinkHeader link, byte transport, ReadOnlySpan<byte> segment, bool crcError, out string? problem)
    {
        problem = null;
        bool fir = (transport & Dnp3Constants.TransportFir) != 0;
        bool fin = (transport & Dnp3Constants.TransportFin) != 0;
        byte seq = (byte)(transport & Dnp3Constants.TransportSeqMask);
        if (fir)
        {
            if (_active && !_overflow) problem = Dnp3Fields.StreamFragmentAbandoned;
            _active = true;
            _overflow = false;
            _length = 0;
            _frames = 0;
            _crcError = false;
            _first = link;
        }
        else
        {
            if (!_active)
            {
                problem = Dnp3Fields.StreamTransportNoFir;
                return false;
            }
            if (link.Source != _first.Source || link.Destination != _first.Destination) return Abort(Dnp3Fields.StreamTransportSequenceError, out problem);
            if (seq == _lastSeq) return false; // link-layer retry of the previous segment
            if (seq != ((_lastSeq + 1) & Dnp3Constants.TransportSeqMask)) return Abort(Dnp3Fields.StreamTransportSequenceError, out problem);
        }

        _lastSeq = seq;
        _frames++;
        _crcError |= crcError;
        if (!_overflow)
        {
            if (segment.Length > MaxFragmentLength - _length)
            {
                _overflow = true;
                problem = Dnp3Fields.StreamTooLongReassembly;
            }
            else
            {
                EnsureCapacity(_length + segment.Length);
                segment.CopyTo(_buffer.AsSpan(_length));
                _length += segment.Length;
            }
        }

        if (!fin) return false;
        _active = false;
        return !_overflow;
    }

    /// <summary>The fragment completed by the last <see cref="Add"/> that returned true.</summary>
    public ReadOnlySpan<byte> Fragment => _buffer is null ? default : _buffer.AsSpan(0, _length);

    public Dnp3LinkHeader FirstLink => _first;

    public int Frames => _frames;

    public bool CrcError => _crcError;

    /// <summary>Drops the fragment in progress (after a gap in the byte stream).</summary>
    public void Discard()
    {
        _active = false;
        _overflow = false;
        _length = 0;
    }

    /// <summary>
    /// Forgets everything. A buffer of the initial size is kept for the session's next flow (sessions are reused by
    /// the engine, and a replay of many DNP3 conversations otherwise rented more buffers than the shared pool holds,
    /// allocating one per flow); a grown one goes back to the pool.
    /// </summary>
    public void Reset()
    {
        Discard();
        if (_buffer is not null && _buffer.Length > InitialBuffer)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }

    private bool Abort(string anomaly, out string? problem)
    {
        problem = anomaly;
        _active = false;
        _overflow = false;
        _length = 0;
        return false;
    }

    private void EnsureCapacity(int needed)
    {
        if (_buffer is not null && _buffer.Length >= needed) return;
        int size = Math.Max(needed, Math.Min(MaxFragmentLength, Math.Max(InitialBuffer, (_buffer?.Length ?? 0) * 2)));
        var larger = ArrayPool<byte>.Shared.Rent(size);
        if (_buffer is not null)
        {
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
        }
        _buffer = larger;
    }
}
