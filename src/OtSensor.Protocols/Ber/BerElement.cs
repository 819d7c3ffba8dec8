namespace OtSensor.Protocols.Ber;

/// <summary>One BER TLV read by <see cref="BerReader"/>: identifier octets decoded, content borrowed from the input.</summary>
/// <remarks>ITU-T X.690 §8.1.2: class in bits 8–7, constructed bit 6, tag number in bits 5–1 or, when those are all
/// ones, in the following base-128 octets.</remarks>
public readonly ref struct BerElement
{
    public const int ClassUniversal = 0;
    public const int ClassApplication = 1;
    public const int ClassContext = 2;
    public const int ClassPrivate = 3;

    internal BerElement(int tagClass, bool constructed, int number, ReadOnlySpan<byte> content)
    {
        TagClass = tagClass;
        Constructed = constructed;
        Number = number;
        Content = content;
    }

    /// <summary>0 universal, 1 application, 2 context-specific, 3 private.</summary>
    public int TagClass { get; }
    public bool Constructed { get; }
    public int Number { get; }
    public ReadOnlySpan<byte> Content { get; }

    public bool IsContext(int number) => TagClass == ClassContext && Number == number;

    public bool IsUniversal(int number) => TagClass == ClassUniversal && Number == number;
}
