namespace OtSensor.Protocols.ProfinetDcp;

/// <summary>One DCP block as read by <see cref="ProfinetDcpBlockReader"/>: option, suboption and its value.</summary>
/// <remarks>
/// <see cref="Value"/> starts after DCPBlockLength and, when the service carries one, after the BlockInfo or
/// BlockQualifier (<see cref="Prefix"/>, -1 when absent); the even-length padding is not part of it.
/// </remarks>
public readonly ref struct ProfinetDcpBlock
{
    public ProfinetDcpBlock(byte option, byte suboption, int prefix, ReadOnlySpan<byte> value, int valueOffset)
    {
        Option = option;
        Suboption = suboption;
        Prefix = prefix;
        Value = value;
        ValueOffset = valueOffset;
    }

    public byte Option { get; }
    public byte Suboption { get; }

    /// <summary>BlockInfo (responses, Hello) or BlockQualifier (Set requests); -1 when the block has none.</summary>
    public int Prefix { get; }

    public ReadOnlySpan<byte> Value { get; }

    /// <summary>Where <see cref="Value"/> starts in the DCP data the reader walks.</summary>
    public int ValueOffset { get; }
}
