namespace OtSensor.Protocols.Bacnet;

/// <summary>One tag read by <see cref="BacnetTagReader"/>: its number, class, kind, and its value octets.</summary>
/// <remarks>
/// A <c>ref struct</c> over the APDU: <see cref="Value"/> is a slice of the wire data, valid while the APDU is.
/// For an application BOOLEAN (tag 1) the value is the LVT field itself (§20.2.3), kept in <see cref="Length"/>
/// with an empty <see cref="Value"/>.
/// </remarks>
public readonly ref struct BacnetTag
{
    public BacnetTag(byte number, bool isContext, BacnetTagKind kind, int length, ReadOnlySpan<byte> value, int depth)
    {
        Number = number;
        IsContext = isContext;
        Kind = kind;
        Length = length;
        Value = value;
        Depth = depth;
    }

    public byte Number { get; }

    public bool IsContext { get; }

    public BacnetTagKind Kind { get; }

    /// <summary>Value length in octets (the boolean's value for application tag 1).</summary>
    public int Length { get; }

    public ReadOnlySpan<byte> Value { get; }

    /// <summary>Nesting depth the tag sits at: 0 at the top; an opening tag reports the depth outside it.</summary>
    public int Depth { get; }

    public bool IsPrimitive => Kind == BacnetTagKind.Primitive;

    public bool IsContextPrimitive(byte number) => IsContext && Kind == BacnetTagKind.Primitive && Number == number;

    public bool IsOpening(byte number) => IsContext && Kind == BacnetTagKind.Opening && Number == number;

    public bool IsClosing(byte number) => IsContext && Kind == BacnetTagKind.Closing && Number == number;

    public bool IsApplication(BacnetApplicationTag tag) => !IsContext && Kind == BacnetTagKind.Primitive && Number == (byte)tag;

    /// <summary>Unsigned, enumerated or object identifier value: 1–4 octets big endian (§20.2.4, 20.2.11, 20.2.14); false otherwise.</summary>
    public bool TryGetUnsigned(out uint value)
    {
        value = 0;
        var v = Value;
        if (Kind != BacnetTagKind.Primitive || v.IsEmpty || v.Length > 4) return false;
        for (int i = 0; i < v.Length; i++) value = (value << 8) | v[i];
        return true;
    }

    /// <summary>Object identifier (§20.2.14): 10-bit type, 22-bit instance.</summary>
    public bool TryGetObjectId(out int type, out uint instance)
    {
        type = 0;
        instance = 0;
        if (Value.Length != 4 || !TryGetUnsigned(out uint raw)) return false;
        type = (int)(raw >> 22);
        instance = raw & BacnetConstants.MaxInstance;
        return true;
    }
}
