using System.Text.Json;
using System.Text.Unicode;
using OtSensor.Core.Time;

namespace OtSensor.Protocols.Ber;

/// <summary>
/// JSON writing of BER-carried values shared by the protocols that decode them (GOOSE, Sampled Values): string types
/// from their wire octets, optional numbers, and the IEC 61850 UtcTime (an 8-octet OCTET STRING on the wire).
/// </summary>
internal static class BerJson
{
    private const int MaxLatin1Chars = 256;

    /// <summary>
    /// Writes a VisibleString from its wire octets: as UTF-8 when valid (the normal case, copied straight through),
    /// otherwise as Latin-1 (one char per octet, bounded), because <see cref="Utf8JsonWriter"/> rejects invalid UTF-8
    /// and the octets are attacker-controlled.
    /// </summary>
    public static void WriteText(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> value)
    {
        if (Utf8.IsValid(value))
        {
            writer.WriteString(name, value);
            return;
        }
        Span<char> chars = stackalloc char[MaxLatin1Chars];
        int n = Math.Min(value.Length, chars.Length);
        for (int i = 0; i < n; i++) chars[i] = (char)value[i];
        writer.WriteString(name, chars[..n]);
    }

    public static void WriteTextOrNull(Utf8JsonWriter writer, string name, bool present, ReadOnlySpan<byte> value)
    {
        if (present) WriteText(writer, name, value);
        else writer.WriteNull(name);
    }

    public static void WriteNumberOrNull(Utf8JsonWriter writer, string name, bool present, uint value)
    {
        if (present) writer.WriteNumber(name, value);
        else writer.WriteNull(name);
    }

    /// <summary>UtcTime (IEC 61850-8-1 §8.1.3.7) as RFC 3339 UTC with microseconds; the fraction is in units of 2^-24 s.</summary>
    public static void WriteUtcTime(Utf8JsonWriter writer, string name, uint seconds, uint fraction)
    {
        long nanoseconds = ((long)fraction * 1_000_000_000L) >> 24;
        Span<byte> text = stackalloc byte[32];
        int n = Timestamp.FromSeconds(seconds, nanoseconds).FormatRfc3339Utf8(text);
        writer.WriteString(name, text[..n]);
    }
}
