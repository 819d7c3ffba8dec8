namespace OtSensor.Protocols.Modbus;

/// <summary>
/// The object list of a Read Device Identification response (function 43, MEI 14), read in place from
/// the frame: enumerate it with <c>foreach</c>, no allocation.
/// </summary>
/// <remarks>
/// MODBUS Application Protocol Specification V1.1b3 §6.21. Each object is id (1), length (1), value
/// (length bytes). Objects 0x00–0x02 are basic (VendorName, ProductCode, MajorMinorRevision), 0x03–0x06
/// regular (VendorUrl, ProductName, ModelName, UserApplicationName), 0x80–0xFF private. Enumeration stops
/// at <see cref="Count"/> objects or at the first object that does not fit in the bytes.
/// </remarks>
public readonly ref struct ModbusDeviceIdentification
{
    public const byte VendorName = 0x00;
    public const byte ProductCode = 0x01;
    public const byte MajorMinorRevision = 0x02;
    public const byte VendorUrl = 0x03;
    public const byte ProductName = 0x04;
    public const byte ModelName = 0x05;
    public const byte UserApplicationName = 0x06;
    public const byte FirstPrivateObject = 0x80;

    private readonly ReadOnlySpan<byte> _objects;

    internal ModbusDeviceIdentification(ReadOnlySpan<byte> objects, int count)
    {
        _objects = objects;
        Count = count;
    }

    /// <summary>Number of objects the response announces (it may carry fewer if truncated).</summary>
    public int Count { get; }

    public bool IsEmpty => Count == 0 || _objects.IsEmpty;

    /// <summary>Value of object <paramref name="id"/>, if present.</summary>
    public bool TryGet(byte id, out ReadOnlySpan<byte> value)
    {
        foreach (var entry in this)
        {
            if (entry.Id == id)
            {
                value = entry.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    public Enumerator GetEnumerator() => new(_objects, Count);

    /// <summary>One identification object: id and raw value bytes (normally ASCII).</summary>
    public readonly ref struct Entry(byte id, ReadOnlySpan<byte> value)
    {
        public byte Id { get; } = id;
        public ReadOnlySpan<byte> Value { get; } = value;
    }

    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<byte> _objects;
        private readonly int _count;
        private int _index;
        private int _offset;
        private byte _id;
        private int _valueOffset;
        private int _valueLength;

        internal Enumerator(ReadOnlySpan<byte> objects, int count)
        {
            _objects = objects;
            _count = count;
        }

        public readonly Entry Current => new(_id, _objects.Slice(_valueOffset, _valueLength));

        public bool MoveNext()
        {
            if (_index >= _count) return false;
            // Object header is id + length; the value must fit in what remains.
            if (_objects.Length - _offset < 2) return false;
            int length = _objects[_offset + 1];
            if ((uint)length > (uint)(_objects.Length - _offset - 2)) return false;
            _id = _objects[_offset];
            _valueOffset = _offset + 2;
            _valueLength = length;
            _offset += 2 + length;
            _index++;
            return true;
        }
    }
}
