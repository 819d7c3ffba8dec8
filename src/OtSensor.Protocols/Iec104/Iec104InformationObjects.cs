namespace OtSensor.Protocols.Iec104;

/// <summary>Enumerates the complete information objects of an ASDU in place (<c>foreach</c>, no allocation).</summary>
/// <remarks>
/// IEC 60870-5-101 §7.2.2: with SQ = 0 each object is address + element; with SQ = 1 one address is followed by
/// <c>number</c> elements at consecutive addresses. Only objects that fit in the ASDU are enumerated; the parser
/// counted them (<see cref="Iec104Message.CompleteObjects"/>) and flagged the rest.
/// </remarks>
public readonly ref struct Iec104InformationObjects
{
    private readonly ReadOnlySpan<byte> _body;
    private readonly byte _typeId;
    private readonly bool _sequence;
    private readonly int _count;

    internal Iec104InformationObjects(ReadOnlySpan<byte> body, byte typeId, bool sequence, int count)
    {
        _body = body;
        _typeId = typeId;
        _sequence = sequence;
        _count = count;
    }

    public int Count => _count;

    public Enumerator GetEnumerator() => new(_body, _typeId, _sequence, _count);

    /// <summary>
    /// Counts the objects of <paramref name="count"/> declared that fit completely in <paramref name="body"/>, and
    /// the octets they use. The one definition of object boundaries, shared by the parser and the enumerator.
    /// </summary>
    internal static int CountComplete(ReadOnlySpan<byte> body, byte typeId, bool sequence, int count, out int used)
    {
        var layout = Iec104Layouts.Of(typeId);
        int offset = 0, complete = 0;
        while (complete < count && TryNext(body, layout, sequence, complete, ref offset, out _, out _, out _)) complete++;
        used = offset;
        return complete;
    }

    /// <summary>Locates object <paramref name="index"/> at <paramref name="offset"/> (element as start and length, so no span escapes); false when it does not fit.</summary>
    internal static bool TryNext(ReadOnlySpan<byte> body, Iec104TypeLayout layout, bool sequence, int index, ref int offset,
        out uint address, out int elementStart, out int elementLength)
    {
        address = 0;
        elementStart = 0;
        elementLength = 0;
        if (!layout.IsKnown) return false;
        int at = offset;
        if (!sequence || index == 0)
        {
            if ((uint)Iec104Constants.IoaLength > (uint)(body.Length - at)) return false;
            at += Iec104Constants.IoaLength;
        }

        // The address of object i in a sequence is the first address + i (§7.2.2.1), wrapping at 24 bits.
        int ioaAt = sequence ? 0 : offset;
        if ((uint)(ioaAt + Iec104Constants.IoaLength) > (uint)body.Length) return false;
        address = (uint)(body[ioaAt] | (body[ioaAt + 1] << 8) | (body[ioaAt + 2] << 16));
        if (sequence) address = (address + (uint)index) & 0xFFFFFF;

        int length = layout.ElementLength;
        if (layout.Variable)
        {
            // F_SG_NA_1: NOF (2), NOS (1), LOS (1), then LOS segment octets.
            if ((uint)length > (uint)(body.Length - at)) return false;
            length += body[at + 3];
        }
        if ((uint)length > (uint)(body.Length - at)) return false;
        elementStart = at;
        elementLength = length;
        offset = at + length;
        return true;
    }

    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<byte> _body;
        private readonly byte _typeId;
        private readonly Iec104TypeLayout _layout;
        private readonly bool _sequence;
        private readonly int _count;
        private int _index;
        private int _offset;

        internal Enumerator(ReadOnlySpan<byte> body, byte typeId, bool sequence, int count)
        {
            _body = body;
            _typeId = typeId;
            _layout = Iec104Layouts.Of(typeId);
            _sequence = sequence;
            _count = count;
            _index = 0;
            _offset = 0;
            Current = default;
        }

        public Iec104InformationObject Current { get; private set; }

        public bool MoveNext()
        {
            if (_index >= _count) return false;
            if (!TryNext(_body, _layout, _sequence, _index, ref _offset, out uint address, out int start, out int length)) return false;
            Current = new Iec104InformationObject(_typeId, address, _body.Slice(start, length), _layout);
            _index++;
            return true;
        }
    }
}
