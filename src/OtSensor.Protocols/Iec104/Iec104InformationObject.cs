using System.Buffers.Binary;

namespace OtSensor.Protocols.Iec104;

/// <summary>One information object of an ASDU: its address and its element (value, quality, time tag), borrowed in place.</summary>
/// <remarks>
/// IEC 60870-5-101 §7.2.5 (information object address, 3 octets in 104 §9) and §7.2.6 (information elements).
/// Values are decoded on request; nothing is copied.
/// </remarks>
public readonly ref struct Iec104InformationObject
{
    internal Iec104InformationObject(byte typeId, uint address, ReadOnlySpan<byte> element, Iec104TypeLayout layout)
    {
        TypeId = typeId;
        Address = address;
        Element = element;
        Layout = layout;
    }

    /// <summary>The ASDU's type id.</summary>
    public byte TypeId { get; }

    /// <summary>Information object address (24 bits).</summary>
    public uint Address { get; }

    /// <summary>The information element octets after the address, time tag included.</summary>
    public ReadOnlySpan<byte> Element { get; }

    public Iec104TypeLayout Layout { get; }

    /// <summary>True when <see cref="TryGetValue"/> gives a number for this type.</summary>
    public bool HasValue => Layout.Kind >= Iec104ValueKind.SinglePoint;

    /// <summary>
    /// The element's value: point state (0/1, DPI 0–3), step position (−64..63), bitstring (as unsigned),
    /// normalized value (−1..1−2⁻¹⁵), scaled value, float, counter, command state, or qualifier octet.
    /// </summary>
    public bool TryGetValue(out double value)
    {
        var e = Element;
        switch (Layout.Kind)
        {
            case Iec104ValueKind.SinglePoint:
            case Iec104ValueKind.SingleCommand:
                value = e[0] & 0x01;
                return true;
            case Iec104ValueKind.DoublePoint:
            case Iec104ValueKind.DoubleCommand:
                value = e[0] & 0x03;
                return true;
            case Iec104ValueKind.StepPosition:
                value = (sbyte)(e[0] << 1) >> 1; // sign-extend the 7-bit VTI value
                return true;
            case Iec104ValueKind.Bitstring:
                value = BinaryPrimitives.ReadUInt32LittleEndian(e);
                return true;
            case Iec104ValueKind.Normalized:
                value = BinaryPrimitives.ReadInt16LittleEndian(e) / 32768.0;
                return true;
            case Iec104ValueKind.Scaled:
                value = BinaryPrimitives.ReadInt16LittleEndian(e);
                return true;
            case Iec104ValueKind.Float:
                value = BinaryPrimitives.ReadSingleLittleEndian(e);
                return true;
            case Iec104ValueKind.Counter:
                value = BinaryPrimitives.ReadInt32LittleEndian(e);
                return true;
            case Iec104ValueKind.Qualifier:
                value = e[0];
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>
    /// Quality descriptor bits (IV 0x80, NT 0x40, SB 0x20, BL 0x10, and OV 0x01 for QDS), the BCR sequence octet
    /// (IV, CA, CY, sequence number) for counters, or -1 when the type carries none.
    /// </summary>
    public int Quality => Layout.Kind switch
    {
        Iec104ValueKind.SinglePoint or Iec104ValueKind.DoublePoint => Element[0] & 0xF0,
        Iec104ValueKind.Counter => Element[4],
        _ when Layout.HasQuality && !IsCommandLayout => Element[ValueLength],
        _ => -1,
    };

    /// <summary>
    /// The command qualifier: the whole SCO/DCO/RCO octet (select/execute bit 7, QU bits 2–6), or QOS/QPM after
    /// a set-point or parameter value; -1 when the type has none.
    /// </summary>
    public int Qualifier => Layout.Kind switch
    {
        Iec104ValueKind.SingleCommand or Iec104ValueKind.DoubleCommand => Element[0],
        _ when Layout.HasQuality && IsCommandLayout => Element[ValueLength],
        _ => -1,
    };

    /// <summary>True for a command whose S/E bit asks to select rather than execute.</summary>
    public bool IsSelect => Qualifier >= 0 && (Qualifier & 0x80) != 0;

    /// <summary>True when the element ends with a CP24Time2a or CP56Time2a time tag.</summary>
    public bool HasTime => Layout.TimeLength != 0 && Element.Length >= Layout.TimeLength;

    /// <summary>The trailing time tag; default when <see cref="HasTime"/> is false.</summary>
    public Iec104Time Time => HasTime ? Iec104Time.Read(Element[^Layout.TimeLength..]) : default;

    /// <summary>Set-points (48–50, 61–63) and parameters (110–112) carry a qualifier (QOS, QPM) where monitor values carry quality (QDS).</summary>
    private bool IsCommandLayout => TypeId >= 45;

    private int ValueLength => Layout.Kind switch
    {
        Iec104ValueKind.StepPosition => 1,
        Iec104ValueKind.Normalized or Iec104ValueKind.Scaled => 2,
        _ => 4,
    };
}
