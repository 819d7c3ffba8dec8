using System.Buffers.Binary;
using System.Text.Json;

namespace OtSensor.Protocols.Naming;

/// <summary>
/// JSON writing shared by the IT naming protocols (DHCP, DNS/LLMNR/mDNS, NetBIOS, LLDP, CDP, SNMP, HTTP, TLS):
/// device text, addresses and hex, formatted on the stack so that writing details allocates only the writer's output.
/// </summary>
/// <remarks>
/// Names on the wire are ASCII by specification but attacker-controlled, and <see cref="Utf8JsonWriter"/> rejects
/// invalid UTF-8: every byte is mapped to one char (Latin-1) and the writer escapes what needs escaping.
/// </remarks>
internal static class NamingJson
{
    /// <summary>Longest text written for one value; longer values are cut (the raw length goes beside when it matters).</summary>
    public const int MaxText = 512;

    public static void WriteText(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> value)
    {
        Span<char> chars = stackalloc char[MaxText];
        int n = Math.Min(value.Length, chars.Length);
        for (int i = 0; i < n; i++) chars[i] = (char)value[i];
        writer.WriteString(name, chars[..n]);
    }

    /// <summary>Writes text as an array element (Latin-1, cut at <see cref="MaxText"/>).</summary>
    public static void WriteTextValue(Utf8JsonWriter writer, ReadOnlySpan<byte> value)
    {
        Span<char> chars = stackalloc char[MaxText];
        int n = Math.Min(value.Length, chars.Length);
        for (int i = 0; i < n; i++) chars[i] = (char)value[i];
        writer.WriteStringValue(chars[..n]);
    }

    public static void WriteHex(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> value)
    {
        Span<char> chars = stackalloc char[2 * 128];
        int n = Math.Min(value.Length, 128);
        Convert.TryToHexStringLower(value[..n], chars, out int written);
        writer.WriteString(name, chars[..written]);
    }

    public static void WriteIPv4(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> four)
    {
        Span<char> chars = stackalloc char[15];
        writer.WriteString(name, chars[..FormatIPv4(four, chars)]);
    }

    public static void WriteIPv4Value(Utf8JsonWriter writer, ReadOnlySpan<byte> four)
    {
        Span<char> chars = stackalloc char[15];
        writer.WriteStringValue(chars[..FormatIPv4(four, chars)]);
    }

    /// <summary>Writes an IPv6 address in the RFC 5952 text form (longest zero run compressed).</summary>
    public static void WriteIPv6Value(Utf8JsonWriter writer, ReadOnlySpan<byte> sixteen)
    {
        Span<char> chars = stackalloc char[39];
        writer.WriteStringValue(chars[..FormatIPv6(sixteen, chars)]);
    }

    public static void WriteIPv6(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> sixteen)
    {
        Span<char> chars = stackalloc char[39];
        writer.WriteString(name, chars[..FormatIPv6(sixteen, chars)]);
    }

    /// <summary>Writes six octets as <c>aa:bb:cc:dd:ee:ff</c>.</summary>
    public static void WriteMac(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> six)
    {
        Span<char> chars = stackalloc char[17];
        const string hex = "0123456789abcdef";
        for (int i = 0; i < 6; i++)
        {
            chars[i * 3] = hex[six[i] >> 4];
            chars[(i * 3) + 1] = hex[six[i] & 0xF];
            if (i < 5) chars[(i * 3) + 2] = ':';
        }
        writer.WriteString(name, chars);
    }

    public static int FormatIPv4(ReadOnlySpan<byte> four, Span<char> destination)
    {
        int pos = 0;
        for (int i = 0; i < 4; i++)
        {
            if (i > 0) destination[pos++] = '.';
            pos += FormatByte(four[i], destination[pos..]);
        }
        return pos;
    }

    public static int FormatIPv6(ReadOnlySpan<byte> sixteen, Span<char> destination)
    {
        // RFC 5952 §4.2: compress the longest run (at least two) of zero groups, the first one on a tie.
        int bestStart = -1, bestLength = 0;
        for (int i = 0; i < 8;)
        {
            if (BinaryPrimitives.ReadUInt16BigEndian(sixteen[(2 * i)..]) != 0) { i++; continue; }
            int start = i;
            while (i < 8 && BinaryPrimitives.ReadUInt16BigEndian(sixteen[(2 * i)..]) == 0) i++;
            if (i - start > bestLength && i - start >= 2) { bestStart = start; bestLength = i - start; }
        }
        int pos = 0;
        for (int i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                destination[pos++] = ':';
                if (i == 0) destination[pos++] = ':';
                i += bestLength - 1;
                continue;
            }
            int group = BinaryPrimitives.ReadUInt16BigEndian(sixteen[(2 * i)..]);
            group.TryFormat(destination[pos..], out int written, "x", System.Globalization.CultureInfo.InvariantCulture);
            pos += written;
            if (i < 7) destination[pos++] = ':';
        }
        return pos;
    }

    private static int FormatByte(byte value, Span<char> destination)
    {
        value.TryFormat(destination, out int written, default, System.Globalization.CultureInfo.InvariantCulture);
        return written;
    }
}
