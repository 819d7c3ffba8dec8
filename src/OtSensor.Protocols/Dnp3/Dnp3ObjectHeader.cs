namespace OtSensor.Protocols.Dnp3;

/// <summary>One object header of an application fragment and where its objects lie (IEEE 1815-2012 §4.2.2.7).</summary>
/// <remarks>
/// Offsets are relative to the objects part of the fragment (after the application header). For range
/// qualifiers (0x00–0x05) <see cref="Start"/> and <see cref="Stop"/> hold the indexes; for counts
/// (0x07–0x09, 0x0B) <see cref="Count"/> only; qualifier 0x06 means "all points" and carries no objects.
/// </remarks>
public readonly record struct Dnp3ObjectHeader(
    byte Group,
    byte Variation,
    byte Qualifier,
    bool HasRange,
    uint Start,
    uint Stop,
    uint Count,
    int DataOffset,
    int DataLength)
{
    /// <summary>Object prefix code (qualifier bits 6–4): 0 none, 1–3 index of 1/2/4 octets, 4–6 size of 1/2/4 octets.</summary>
    public int PrefixCode => (Qualifier >> 4) & 0x07;

    /// <summary>Range specifier code (qualifier bits 3–0).</summary>
    public int RangeCode => Qualifier & 0x0F;

    /// <summary>Octets of each object's prefix.</summary>
    public int PrefixLength => PrefixCode switch { 1 or 4 => 1, 2 or 5 => 2, 3 or 6 => 4, _ => 0 };

    /// <summary>True when each object is preceded by its index.</summary>
    public bool HasIndexPrefix => PrefixCode is >= 1 and <= 3;

    /// <summary>True when each object is preceded by its size.</summary>
    public bool HasSizePrefix => PrefixCode is >= 4 and <= 6;
}
