using System.Buffers.Binary;

namespace OtSensor.Protocols.S7Comm;

/// <summary>Walks the item specifications of a read/write var request in place.</summary>
/// <remarks>
/// <code>
/// +------+----------+--------+----------------+--------+------+------+-------------+
/// | 0x12 | spec len | syntax | transport size | length |  DB  | area | bit address |
/// +------+----------+--------+----------------+--------+------+------+-------------+
///    1        1         1            1            2       2      1        3      (S7ANY, spec len 10)
/// </code>
/// </remarks>
public ref struct S7CommItemReader
{
    private ReadOnlySpan<byte> _rest;

    /// <param name="items">The parameters after function code and item count.</param>
    public S7CommItemReader(ReadOnlySpan<byte> items) => _rest = items;

    /// <summary>True when a specification was cut short or did not start with 0x12.</summary>
    public bool Malformed { get; private set; }

    public bool TryRead(out S7CommItem item)
    {
        item = default;
        if (_rest.IsEmpty || Malformed) return false;
        if (_rest.Length < 3 || _rest[0] != S7CommConstants.VariableSpecification)
        {
            Malformed = true;
            return false;
        }
        int specLength = _rest[1];
        if (specLength < 1 || specLength > _rest.Length - 2)
        {
            Malformed = true;
            return false;
        }
        var spec = _rest.Slice(2, specLength);
        if (spec[0] == S7CommConstants.SyntaxS7Any)
        {
            if (specLength < S7CommConstants.S7AnySpecLength)
            {
                Malformed = true;
                return false;
            }
            item = new S7CommItem((byte)specLength, spec[0], spec[1], BinaryPrimitives.ReadUInt16BigEndian(spec[2..]),
                BinaryPrimitives.ReadUInt16BigEndian(spec[4..]), spec[6], (spec[7] << 16) | (spec[8] << 8) | spec[9]);
        }
        else
        {
            item = new S7CommItem((byte)specLength, spec[0], 0, 0, 0, 0, 0);
        }
        _rest = _rest[(2 + specLength)..];
        return true;
    }

    /// <summary>Bytes of a data item value: transport sizes BIT (3), BYTE/WORD/DWORD (4) and INTEGER (5)
    /// count the length in bits, the others in bytes.</summary>
    public static int DataLengthInBytes(byte transportSize, int length)
        => transportSize is 3 or 4 or 5 ? (length + 7) >> 3 : length;
}
