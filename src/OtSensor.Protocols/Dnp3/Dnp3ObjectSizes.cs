namespace OtSensor.Protocols.Dnp3;

/// <summary>Octets per object of each group and variation, so that object headers after the first can be found.</summary>
/// <remarks>
/// IEEE 1815-2012 Annex A (object library). Variable-size objects (file control g70, data sets g85–g88,
/// application identifier g90, Secure Authentication g120 except v3 and v4) are sent with a size prefix
/// (qualifier 0x5B) and need no table entry.
/// </remarks>
public static class Dnp3ObjectSizes
{
    /// <summary>One bit per point, packed (g1v1, g10v1, g12v3, g80v1).</summary>
    public const int PackedBit = -1;

    /// <summary>Two bits per point, packed (g3v1).</summary>
    public const int PackedDoubleBit = -2;

    /// <summary>Device attribute: data type code, length, then that many octets (g0).</summary>
    public const int Attribute = -3;

    /// <summary>Size not known: the walk cannot continue past this header.</summary>
    public const int Unknown = int.MinValue;

    /// <summary>Octets per object, or one of <see cref="PackedBit"/>, <see cref="PackedDoubleBit"/>, <see cref="Attribute"/>, <see cref="Unknown"/>.</summary>
    public static int Of(byte group, byte variation) => group switch
    {
        0 when variation != 0 => Attribute,
        1 => variation switch { 1 => PackedBit, 2 => 1, _ => Unknown },
        2 => variation switch { 1 => 1, 2 => 7, 3 => 3, _ => Unknown },
        3 => variation switch { 1 => PackedDoubleBit, 2 => 1, _ => Unknown },
        4 => variation switch { 1 => 1, 2 => 7, 3 => 3, _ => Unknown },
        10 => variation switch { 1 => PackedBit, 2 => 1, _ => Unknown },
        11 => variation switch { 1 => 1, 2 => 7, _ => Unknown },
        12 => variation switch { 1 or 2 => 11, 3 => PackedBit, _ => Unknown },
        13 => variation switch { 1 => 1, 2 => 7, _ => Unknown },
        20 => variation switch { 1 or 3 => 5, 2 or 4 => 3, 5 or 7 => 4, 6 or 8 => 2, _ => Unknown },
        21 => variation switch { 1 or 3 => 5, 2 or 4 => 3, 5 or 7 => 11, 6 or 8 => 9, 9 or 11 => 4, 10 or 12 => 2, _ => Unknown },
        22 or 23 => variation switch { 1 or 3 => 5, 2 or 4 => 3, 5 or 7 => 11, 6 or 8 => 9, _ => Unknown },
        30 => variation switch { 1 => 5, 2 => 3, 3 => 4, 4 => 2, 5 => 5, 6 => 9, _ => Unknown },
        31 => variation switch { 1 => 5, 2 => 3, 3 => 11, 4 => 9, 5 => 4, 6 => 2, 7 => 5, 8 => 9, _ => Unknown },
        32 or 33 or 42 or 43 => variation switch { 1 => 5, 2 => 3, 3 => 11, 4 => 9, 5 => 5, 6 => 9, 7 => 11, 8 => 15, _ => Unknown },
        34 => variation switch { 1 => 2, 2 or 3 => 4, _ => Unknown },
        40 => variation switch { 1 => 5, 2 => 3, 3 => 5, 4 => 9, _ => Unknown },
        41 => variation switch { 1 => 5, 2 => 3, 3 => 5, 4 => 9, _ => Unknown },
        50 => variation switch { 1 or 3 => 6, 2 => 10, 4 => 11, _ => Unknown },
        51 => variation is 1 or 2 ? 6 : Unknown,
        52 => variation is 1 or 2 ? 2 : Unknown,
        60 => 0,
        80 => variation == 1 ? PackedBit : Unknown,
        101 => variation switch { 1 => 2, 2 => 4, 3 => 8, _ => Unknown },
        102 => variation == 1 ? 1 : Unknown,
        110 or 111 or 112 or 113 => variation == 0 ? Unknown : variation,
        120 => variation switch { 3 => 6, 4 => 2, _ => Unknown },
        121 => variation == 1 ? 7 : Unknown,
        122 => variation switch { 1 => 7, 2 => 13, _ => Unknown },
        _ => Unknown,
    };
}
