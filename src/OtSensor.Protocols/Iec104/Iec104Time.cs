using System.Buffers.Binary;

namespace OtSensor.Protocols.Iec104;

/// <summary>A CP56Time2a or CP24Time2a time tag, decoded without interpretation of the time zone.</summary>
/// <remarks>
/// IEC 60870-5-101 §7.2.6.18 (CP56Time2a): milliseconds 0..59999 (2 octets LE), minutes (bits 0–5, IV bit 7),
/// hours (bits 0–4, SU bit 7), day of month (bits 0–4) and day of week (bits 5–7), month (bits 0–3),
/// year (bits 0–6, 0..99). §7.2.6.19 (CP24Time2a): the first three octets only.
/// </remarks>
public readonly struct Iec104Time
{
    private Iec104Time(ushort milliseconds, byte minute, byte hour, byte day, byte dayOfWeek, byte month, byte year, bool invalid, bool summer, bool full)
    {
        Milliseconds = milliseconds;
        Minute = minute;
        Hour = hour;
        Day = day;
        DayOfWeek = dayOfWeek;
        Month = month;
        Year = year;
        Invalid = invalid;
        SummerTime = summer;
        IsFull = full;
    }

    /// <summary>Milliseconds within the minute (0..59999).</summary>
    public ushort Milliseconds { get; }
    public byte Minute { get; }
    public byte Hour { get; }
    public byte Day { get; }
    public byte DayOfWeek { get; }
    public byte Month { get; }

    /// <summary>Year within the century (0..99).</summary>
    public byte Year { get; }

    /// <summary>IV: the sender marks the time as invalid.</summary>
    public bool Invalid { get; }

    /// <summary>SU: summer time.</summary>
    public bool SummerTime { get; }

    /// <summary>True for CP56Time2a, false for CP24Time2a (minutes and milliseconds only).</summary>
    public bool IsFull { get; }

    /// <summary>Decodes 7 (CP56) or 3 (CP24) octets; other lengths give the default value.</summary>
    public static Iec104Time Read(ReadOnlySpan<byte> tag)
    {
        if (tag.Length < Iec104Constants.Cp24Length) return default;
        ushort ms = BinaryPrimitives.ReadUInt16LittleEndian(tag);
        byte minute = (byte)(tag[2] & 0x3F);
        bool invalid = (tag[2] & 0x80) != 0;
        if (tag.Length < Iec104Constants.Cp56Length) return new(ms, minute, 0, 0, 0, 0, 0, invalid, false, false);
        return new(ms, minute, (byte)(tag[3] & 0x1F), (byte)(tag[4] & 0x1F), (byte)(tag[4] >> 5), (byte)(tag[5] & 0x0F),
            (byte)(tag[6] & 0x7F), invalid, (tag[3] & 0x80) != 0, true);
    }

    /// <summary>True when every field is within its range.</summary>
    public bool IsInRange => Milliseconds <= 59999 && Minute <= 59
        && (!IsFull || (Hour <= 23 && Day is >= 1 and <= 31 && Month is >= 1 and <= 12));

    /// <summary>
    /// Formats as <c>20YY-MM-DDTHH:MM:SS.fff</c> (CP56, century assumed 2000) or <c>MM:SS.fff</c> (CP24),
    /// without allocating.
    /// </summary>
    public int Format(Span<char> destination)
    {
        int n = 0;
        if (IsFull)
        {
            if (destination.Length < 23) return 0;
            n = Put(destination, n, 20, 2);
            n = Put(destination, n, Year, 2);
            destination[n++] = '-';
            n = Put(destination, n, Month, 2);
            destination[n++] = '-';
            n = Put(destination, n, Day, 2);
            destination[n++] = 'T';
            n = Put(destination, n, Hour, 2);
            destination[n++] = ':';
        }
        else if (destination.Length < 9)
        {
            return 0;
        }
        n = Put(destination, n, Minute, 2);
        destination[n++] = ':';
        n = Put(destination, n, Milliseconds / 1000, 2);
        destination[n++] = '.';
        return Put(destination, n, Milliseconds % 1000, 3);
    }

    private static int Put(Span<char> destination, int at, int value, int digits)
    {
        for (int i = digits - 1; i >= 0; i--)
        {
            destination[at + i] = (char)('0' + (value % 10));
            value /= 10;
        }
        return at + digits;
    }
}
