using OtSensor.Core.Time;

namespace OtSensor.Capture.Files;

/// <summary>What a pcapng Interface Description Block says about the packets of one interface.</summary>
/// <remarks>draft-ietf-opsawg-pcapng §4.2; <c>if_tsresol</c> and <c>if_tsoffset</c> in §4.2.1 (option codes 9 and 14).</remarks>
internal struct PcapNgInterface
{
    private const ulong NanosecondsPerSecond = 1_000_000_000UL;

    public ushort RawLinkType;
    public uint SnapLength;

    // nanoseconds = ((units * _multiplier) / _divisor) >> _shift, plus the interface offset.
    // Microseconds (default) and finer powers of ten need only the multiply.
    private ulong _multiplier;
    private UInt128 _divisor;
    private int _shift;
    private bool _multiplyOnly;
    private long _offsetNanoseconds;

    public static PcapNgInterface Create(ushort rawLinkType, uint snapLength)
    {
        var info = new PcapNgInterface { RawLinkType = rawLinkType, SnapLength = snapLength };
        info.SetResolution(6);
        return info;
    }

    /// <summary>
    /// <c>if_tsresol</c>: high bit clear = 10^-n seconds per unit, set = 2^-n seconds per unit.
    /// </summary>
    public void SetResolution(byte tsresol)
    {
        int exponent = tsresol & 0x7F;
        _shift = 0;
        _divisor = UInt128.One;
        if ((tsresol & 0x80) != 0)
        {
            _multiplier = NanosecondsPerSecond;
            _shift = exponent;
        }
        else if (exponent <= 9)
        {
            _multiplier = Pow10(9 - exponent);
        }
        else
        {
            _multiplier = 1;
            // 10^38 is the largest power of ten in a UInt128; anything finer rounds every unit to 0 ns anyway.
            _divisor = exponent - 9 <= 38 ? Pow10Wide(exponent - 9) : UInt128.MaxValue;
        }

        _multiplyOnly = _shift == 0 && _divisor == UInt128.One;
    }

    /// <summary><c>if_tsoffset</c>: seconds added to every timestamp of the interface.</summary>
    public void SetOffsetSeconds(long seconds) => _offsetNanoseconds = unchecked(seconds * (long)NanosecondsPerSecond);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public readonly Timestamp ToTimestamp(ulong units)
    {
        // Wrapping on absurd unit counts is accepted: a garbage time, never an exception.
        ulong nanoseconds = _multiplyOnly ? unchecked(units * _multiplier) : Scale(units);
        return new Timestamp(unchecked((long)nanoseconds + _offsetNanoseconds));
    }

    /// <summary>Resolutions coarser than 1 ns that are not powers of ten, or finer than 1 ns: 128-bit arithmetic, kept out of line.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private readonly ulong Scale(ulong units) => (ulong)((((UInt128)units * _multiplier) / _divisor) >> _shift);

    private static ulong Pow10(int exponent)
    {
        ulong value = 1;
        for (int i = 0; i < exponent; i++) value *= 10;
        return value;
    }

    private static UInt128 Pow10Wide(int exponent)
    {
        UInt128 value = UInt128.One;
        for (int i = 0; i < exponent; i++) value *= 10;
        return value;
    }
}
