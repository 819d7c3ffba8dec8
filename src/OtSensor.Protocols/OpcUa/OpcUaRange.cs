namespace OtSensor.Protocols.OpcUa;

/// <summary>Where a String or ByteString lies in a span; <see cref="Length"/> -1 for a null string (Part 6 §5.2.2.4).</summary>
public readonly record struct OpcUaRange(int Offset, int Length)
{
    public static readonly OpcUaRange Null = new(0, -1);

    public bool IsNull => Length < 0;

    /// <summary>The bytes in <paramref name="source"/>; empty when null.</summary>
    public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> source) => Length <= 0 ? default : source.Slice(Offset, Length);
}
