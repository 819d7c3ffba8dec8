using System.Buffers.Binary;

namespace OtSensor.Core.Buffers;

/// <summary>
/// Forward-only, bounds-checked reader over one contiguous frame. Never throws on short data:
/// every read is a <c>TryRead…</c> that leaves the position unchanged when the bytes are not there.
/// </summary>
public ref struct SpanReader(ReadOnlySpan<byte> buffer)
{
    private readonly ReadOnlySpan<byte> _buffer = buffer;
    private int _position;

    public readonly int Consumed => _position;
    public readonly int Remaining => _buffer.Length - _position;
    public readonly bool End => _position >= _buffer.Length;
    public readonly ReadOnlySpan<byte> UnreadSpan => _buffer[_position..];

    public bool TryReadByte(out byte value)
    {
        if ((uint)_position >= (uint)_buffer.Length) { value = 0; return false; }
        value = _buffer[_position++];
        return true;
    }

    public bool TryReadUInt16BigEndian(out ushort value)
    {
        if (!BinaryPrimitives.TryReadUInt16BigEndian(UnreadSpan, out value)) return false;
        _position += sizeof(ushort);
        return true;
    }

    public bool TryReadUInt16LittleEndian(out ushort value)
    {
        if (!BinaryPrimitives.TryReadUInt16LittleEndian(UnreadSpan, out value)) return false;
        _position += sizeof(ushort);
        return true;
    }

    public bool TryReadUInt32BigEndian(out uint value)
    {
        if (!BinaryPrimitives.TryReadUInt32BigEndian(UnreadSpan, out value)) return false;
        _position += sizeof(uint);
        return true;
    }

    public bool TryReadUInt32LittleEndian(out uint value)
    {
        if (!BinaryPrimitives.TryReadUInt32LittleEndian(UnreadSpan, out value)) return false;
        _position += sizeof(uint);
        return true;
    }

    public bool TryReadBytes(int count, out ReadOnlySpan<byte> value)
    {
        // (uint) cast folds the negative-count check into the bounds check (Kestrel idiom).
        if ((uint)count > (uint)Remaining) { value = default; return false; }
        value = _buffer.Slice(_position, count);
        _position += count;
        return true;
    }

    public bool TrySkip(int count)
    {
        if ((uint)count > (uint)Remaining) return false;
        _position += count;
        return true;
    }
}
