namespace OtSensor.TestKit;

/// <summary>One way of cutting a byte stream into segments, named for test output.</summary>
public sealed record SplitVariant(string Name, IReadOnlyList<byte[]> Segments)
{
    public override string ToString() => Name;
}

/// <summary>
/// Every stream test runs over these cuts of its input (RESPite <c>GetVariants</c>, Kestrel
/// "GratuitouslySplitBuffers"): whole, split at every byte position, and one byte per segment.
/// </summary>
public static class SplitVariants
{
    public static IEnumerable<SplitVariant> Of(byte[] data)
    {
        yield return new SplitVariant("Whole", [data]);
        for (int i = 1; i < data.Length; i++)
            yield return new SplitVariant($"Split:{i}", [data[..i], data[i..]]);
        var perByte = new byte[data.Length][];
        for (int i = 0; i < data.Length; i++) perByte[i] = [data[i]];
        yield return new SplitVariant("BytePerSegment", perByte);
    }

    /// <summary>A copy of <paramref name="data"/> inside a larger buffer with 0xFF canaries on both sides, and the slice that holds it.</summary>
    public static ArraySegment<byte> WithCanaries(byte[] data, int canary = 16)
    {
        var buffer = new byte[data.Length + (2 * canary)];
        buffer.AsSpan().Fill(0xFF);
        data.CopyTo(buffer, canary);
        return new ArraySegment<byte>(buffer, canary, data.Length);
    }
}
