namespace OtSensor.Protocols.Snmp;

/// <summary>OBJECT IDENTIFIER content (X.690 §8.19): validation and dotted text without allocation.</summary>
public static class SnmpOid
{
    /// <summary>True when every sub-identifier ends within the content and fits 32 bits.</summary>
    public static bool IsValid(ReadOnlySpan<byte> oid)
    {
        if (oid.IsEmpty) return false;
        ulong arc = 0;
        for (int i = 0; i < oid.Length; i++)
        {
            arc = (arc << 7) | (uint)(oid[i] & 0x7F);
            if (arc > uint.MaxValue) return false;
            if ((oid[i] & 0x80) == 0) arc = 0;
        }
        return (oid[^1] & 0x80) == 0;
    }

    /// <summary>Formats a valid OID as "1.3.6.1…" into <paramref name="text"/>; returns the characters written (0 if invalid or too long).</summary>
    public static int Format(ReadOnlySpan<byte> oid, Span<char> text)
    {
        if (!IsValid(oid)) return 0;
        int pos = 0;
        ulong arc = 0;
        bool first = true;
        for (int i = 0; i < oid.Length; i++)
        {
            arc = (arc << 7) | (uint)(oid[i] & 0x7F);
            if ((oid[i] & 0x80) != 0) continue;
            if (first)
            {
                // X.690 §8.19.4: the first sub-identifier packs the first two arcs (40 * X + Y, X ≤ 2).
                ulong x = arc < 40 ? 0UL : arc < 80 ? 1UL : 2UL;
                if (!Append(x, text, ref pos, false) || !Append(arc - (40 * x), text, ref pos, true)) return 0;
                first = false;
            }
            else if (!Append(arc, text, ref pos, true)) return 0;
            arc = 0;
        }
        return pos;
    }

    /// <summary>Formats into UTF-8 bytes (for identity statements).</summary>
    public static int FormatUtf8(ReadOnlySpan<byte> oid, Span<byte> text)
    {
        Span<char> chars = stackalloc char[SnmpConstants.MaxOidText];
        int n = Format(oid, chars);
        n = Math.Min(n, text.Length);
        for (int i = 0; i < n; i++) text[i] = (byte)chars[i];
        return n;
    }

    private static bool Append(ulong value, Span<char> text, ref int pos, bool dot)
    {
        if (dot)
        {
            if (pos >= text.Length) return false;
            text[pos++] = '.';
        }
        if (!value.TryFormat(text[pos..], out int written, default, System.Globalization.CultureInfo.InvariantCulture)) return false;
        pos += written;
        return true;
    }
}
