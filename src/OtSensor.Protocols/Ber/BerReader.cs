namespace OtSensor.Protocols.Ber;

/// <summary>
/// Bounded BER (ITU-T X.690) reader over a span: definite lengths only, every length checked against the
/// remaining bytes, nesting depth bounded by <see cref="MaxDepth"/>. Never throws; a bad element stops the reader.
/// </summary>
/// <remarks>
/// <code>
///   identifier: | class(2) | P/C(1) | number(5) |  number 31 → base-128 octets follow (at most 3 here)
///   length:     0xxxxxxx short form | 1nnnnnnn + n octets (1 ≤ n ≤ 4) | 0x80 indefinite (rejected, X.690 §8.1.3.6)
///   content:    length octets
/// </code>
/// MMS over ISO (ISO 9506-2, ISO 8823, ISO 8650), IEC 61850-8-1 GOOSE and IEC 61850-9-2 Sampled Values use
/// DER-like definite encodings in practice; an indefinite length on the wire is treated as malformed rather than
/// followed, which keeps the reader single-pass.
/// </remarks>
public ref struct BerReader
{
    /// <summary>Deepest nesting <see cref="TryEnter"/> allows.</summary>
    public const int MaxDepth = 32;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public BerReader(ReadOnlySpan<byte> data)
        : this(data, 0)
    {
    }

    private BerReader(ReadOnlySpan<byte> data, int depth)
    {
        _data = data;
        Depth = depth;
    }

    /// <summary>Nesting level of this reader (0 for the outermost).</summary>
    public int Depth { get; }

    /// <summary>True once an element was malformed (truncated, lying or indefinite length, oversized tag).</summary>
    public bool Failed { get; private set; }

    /// <summary>True when an indefinite length stopped the reader.</summary>
    public bool SawIndefiniteLength { get; private set; }

    public readonly int Remaining => _data.Length - _position;

    public readonly bool IsEmpty => _position >= _data.Length;

    /// <summary>Reads the next element; false at the end of the data or on a malformed element (then <see cref="Failed"/>).</summary>
    public bool TryRead(out BerElement element)
    {
        element = default;
        if (Failed || _position >= _data.Length) return false;
        var rest = _data[_position..];
        int first = rest[0];
        int tagClass = first >> 6;
        bool constructed = (first & 0x20) != 0;
        int number = first & 0x1F;
        int i = 1;
        if (number == 0x1F)
        {
            number = 0;
            int octets = 0;
            while (true)
            {
                if (i >= rest.Length || ++octets > 3) return Fail();
                int b = rest[i++];
                number = (number << 7) | (b & 0x7F);
                if ((b & 0x80) == 0) break;
            }
        }
        if (i >= rest.Length) return Fail();
        int lengthByte = rest[i++];
        int length;
        if (lengthByte < 0x80)
        {
            length = lengthByte;
        }
        else if (lengthByte == 0x80)
        {
            SawIndefiniteLength = true;
            return Fail();
        }
        else
        {
            int count = lengthByte & 0x7F;
            if (count > 4 || count > rest.Length - i) return Fail();
            uint value = 0;
            for (int k = 0; k < count; k++) value = (value << 8) | rest[i++];
            if (value > int.MaxValue) return Fail();
            length = (int)value;
        }
        if ((uint)length > (uint)(rest.Length - i)) return Fail();
        element = new BerElement(tagClass, constructed, number, rest.Slice(i, length));
        _position += i + length;
        return true;
    }

    /// <summary>A reader over a constructed element's content, one level deeper; false beyond <see cref="MaxDepth"/>.</summary>
    public readonly bool TryEnter(ReadOnlySpan<byte> content, out BerReader child)
    {
        if (Depth >= MaxDepth)
        {
            child = default;
            return false;
        }
        child = new BerReader(content, Depth + 1);
        return true;
    }

    /// <summary>Reads a non-negative INTEGER content of at most 4 octets (invoke IDs, Unsigned32, error codes).</summary>
    public static bool TryReadUnsigned(ReadOnlySpan<byte> content, out uint value)
    {
        value = 0;
        if (content.IsEmpty || content.Length > 5 || (content[0] & 0x80) != 0) return false;
        if (content.Length == 5 && content[0] != 0) return false;
        foreach (byte b in content) value = (value << 8) | b;
        return true;
    }

    /// <summary>
    /// Reads the identifier and length octets of a low-tag-number element (tag number below 31) without requiring its
    /// content to be present: for an outer PDU whose declared length may exceed a truncated frame, so the caller can
    /// flag the truncation and still decode the fields that did arrive.
    /// </summary>
    /// <returns>False when the identifier uses the high-tag form, or the length octets are missing, indefinite or over 4.</returns>
    public static bool TryReadHeader(ReadOnlySpan<byte> data, out byte identifier, out int length, out int headerLength)
    {
        identifier = 0;
        length = 0;
        headerLength = 0;
        if (data.Length < 2 || (data[0] & 0x1F) == 0x1F) return false;
        identifier = data[0];
        int lengthByte = data[1];
        if (lengthByte < 0x80)
        {
            length = lengthByte;
            headerLength = 2;
            return true;
        }
        int count = lengthByte & 0x7F;
        if (count == 0 || count > 4 || count > data.Length - 2) return false;
        uint value = 0;
        for (int k = 0; k < count; k++) value = (value << 8) | data[2 + k];
        if (value > int.MaxValue) return false;
        length = (int)value;
        headerLength = 2 + count;
        return true;
    }

    private bool Fail()
    {
        Failed = true;
        return false;
    }
}
