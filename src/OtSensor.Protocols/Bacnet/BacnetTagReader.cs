namespace OtSensor.Protocols.Bacnet;

/// <summary>Bounded reader of BACnet tagged data (ANSI/ASHRAE 135 §20.2.1).</summary>
/// <remarks>
/// <code>
///  initial octet:  7..4 tag number (15 = extended, next octet)   3 class (1 = context)   2..0 LVT
///  LVT 0..4  length;  5  extended length: octet &lt; 254, or 254 + 2 octets, or 255 + 4 octets (big endian)
///  context LVT 6 = opening tag, 7 = closing tag;  application tag 1 (BOOLEAN): LVT is the value
/// </code>
/// Every length is checked against the octets left before it is used; nesting is bounded by
/// <see cref="BacnetConstants.MaxTagDepth"/> and the tag count by <see cref="BacnetConstants.MaxTags"/>.
/// A malformed tag stops the walk and sets <see cref="Error"/>; the reader never throws.
/// </remarks>
public ref struct BacnetTagReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private int _depth;
    private int _tags;

    public BacnetTagReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
        _depth = 0;
        _tags = 0;
        Error = BacnetAnomalies.None;
    }

    /// <summary><see cref="BacnetAnomalies.TagMalformed"/> or <see cref="BacnetAnomalies.TagLimitExceeded"/> once the walk stopped on bad data.</summary>
    public BacnetAnomalies Error { get; private set; }

    /// <summary>Offset of the next tag in the data.</summary>
    public readonly int Position => _position;

    /// <summary>Current nesting depth (opening tags not yet closed).</summary>
    public readonly int Depth => _depth;

    public readonly bool End => _position >= _data.Length || Error != BacnetAnomalies.None;

    /// <summary>Reads the next tag; false at the end of the data or on an error (see <see cref="Error"/>).</summary>
    public bool TryRead(out BacnetTag tag)
    {
        tag = default;
        if (End) return false;
        if (++_tags > BacnetConstants.MaxTags) return Fail(BacnetAnomalies.TagLimitExceeded);
        var rest = _data[_position..];
        byte initial = rest[0];
        int used = 1;
        byte number = (byte)(initial >> 4);
        bool context = (initial & 0x08) != 0;
        int lvt = initial & 0x07;
        if (number == 15)
        {
            if (rest.Length < 2) return Fail(BacnetAnomalies.TagMalformed);
            number = rest[1];
            used = 2;
        }

        if (context && lvt == 6)
        {
            if (_depth >= BacnetConstants.MaxTagDepth) return Fail(BacnetAnomalies.TagLimitExceeded);
            tag = new BacnetTag(number, true, BacnetTagKind.Opening, 0, default, _depth);
            _depth++;
            _position += used;
            return true;
        }

        if (context && lvt == 7)
        {
            if (_depth == 0) return Fail(BacnetAnomalies.TagMalformed);
            _depth--;
            tag = new BacnetTag(number, true, BacnetTagKind.Closing, 0, default, _depth);
            _position += used;
            return true;
        }

        if (!context && number == (byte)BacnetApplicationTag.Boolean)
        {
            if (lvt > 1) return Fail(BacnetAnomalies.TagMalformed);
            tag = new BacnetTag(number, false, BacnetTagKind.Primitive, lvt, default, _depth);
            _position += used;
            return true;
        }

        if (!context && lvt > 5) return Fail(BacnetAnomalies.TagMalformed);
        long length = lvt;
        if (lvt == 5)
        {
            if (rest.Length < used + 1) return Fail(BacnetAnomalies.TagMalformed);
            byte ext = rest[used++];
            if (ext < 254) length = ext;
            else if (ext == 254)
            {
                if (rest.Length < used + 2) return Fail(BacnetAnomalies.TagMalformed);
                length = (rest[used] << 8) | rest[used + 1];
                used += 2;
            }
            else
            {
                if (rest.Length < used + 4) return Fail(BacnetAnomalies.TagMalformed);
                length = ((long)rest[used] << 24) | ((long)rest[used + 1] << 16) | ((long)rest[used + 2] << 8) | rest[used + 3];
                used += 4;
            }
        }

        if ((ulong)length > (ulong)(rest.Length - used)) return Fail(BacnetAnomalies.TagMalformed);
        int n = (int)length;
        tag = new BacnetTag(number, context, BacnetTagKind.Primitive, n, rest.Slice(used, n), _depth);
        _position += used + n;
        return true;
    }

    private bool Fail(BacnetAnomalies error)
    {
        Error = error;
        return false;
    }
}
