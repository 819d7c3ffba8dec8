using System.Text.Json;
using System.Text.Unicode;

namespace OtSensor.Protocols.ProfinetDcp;

/// <summary>Writes PROFINET text fields (station names, type of station) to JSON without allocating.</summary>
/// <remarks>
/// The wire says "visible string" but a sensor sees what is sent: valid UTF-8 is written as is, anything else
/// octet by octet as ISO 8859-1 (so a fuzzed name stays readable and the writer never throws).
/// </remarks>
public static class ProfinetText
{
    private const int MaxOctets = 255;

    public static void Write(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> text)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (text.Length > MaxOctets) text = text[..MaxOctets];
        if (Utf8.IsValid(text))
        {
            writer.WriteString(name, text);
            return;
        }
        Span<char> chars = stackalloc char[MaxOctets];
        for (int i = 0; i < text.Length; i++) chars[i] = (char)text[i];
        writer.WriteString(name, chars[..text.Length]);
    }

    /// <summary>Writes "a.b.c.d" for four octets.</summary>
    public static void WriteIPv4(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> address)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> text = stackalloc byte[15];
        int n = 0;
        for (int i = 0; i < 4; i++)
        {
            if (i > 0) text[n++] = (byte)'.';
            System.Buffers.Text.Utf8Formatter.TryFormat(address[i], text[n..], out int w);
            n += w;
        }
        writer.WriteString(name, text[..n]);
    }

    /// <summary>Writes "aa:bb:cc:dd:ee:ff" for six octets.</summary>
    public static void WriteMac(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> mac)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> text = stackalloc char[17];
        const string Hex = "0123456789abcdef";
        for (int i = 0; i < 6; i++)
        {
            if (i > 0) text[(i * 3) - 1] = ':';
            text[i * 3] = Hex[mac[i] >> 4];
            text[(i * 3) + 1] = Hex[mac[i] & 0xF];
        }
        writer.WriteString(name, text);
    }
}
