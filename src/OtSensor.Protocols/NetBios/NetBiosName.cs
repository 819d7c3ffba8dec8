using OtSensor.Protocols.Dns;

namespace OtSensor.Protocols.NetBios;

/// <summary>Decodes the first-level encoding of a NetBIOS name (RFC 1001 §14.1): each byte as two 'A'-based nibbles.</summary>
/// <remarks>
/// <code>
/// 'K' 'W' ... suffix   →   0x4B → 'E''L', 0x57 → 'F''H', ...   (32 encoded bytes, then scope labels)
/// </code>
/// The encoded label is read with <see cref="DnsName"/> (RFC 1002 §4.1: names follow RFC 1035 label and pointer rules).
/// </remarks>
public static class NetBiosName
{
    /// <summary>
    /// Decodes the name at <paramref name="offset"/> into 16 bytes (15 characters + suffix). Returns false when the
    /// name does not parse or is not 32 characters of 'A'..'P'. <paramref name="next"/> is the offset after it.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> message, int offset, Span<byte> name16, out int next)
    {
        Span<byte> text = stackalloc byte[Dns.DnsConstants.MaxNameText];
        if (DnsName.Read(message, offset, text, out int n, out next) != DnsAnomalies.None) return false;
        // Scope labels follow after a dot; the encoded part is exactly 32 characters.
        if (n < NetBiosConstants.EncodedNameLength || (n > NetBiosConstants.EncodedNameLength && text[NetBiosConstants.EncodedNameLength] != (byte)'.')) return false;
        return TryDecodeLabel(text[..NetBiosConstants.EncodedNameLength], name16);
    }

    /// <summary>Decodes 32 encoded characters into 16 bytes.</summary>
    public static bool TryDecodeLabel(ReadOnlySpan<byte> encoded, Span<byte> name16)
    {
        if (encoded.Length != NetBiosConstants.EncodedNameLength) return false;
        for (int i = 0; i < NetBiosConstants.NameLength; i++)
        {
            int hi = encoded[2 * i] - 'A', lo = encoded[(2 * i) + 1] - 'A';
            if ((uint)hi > 15 || (uint)lo > 15) return false;
            name16[i] = (byte)((hi << 4) | lo);
        }
        return true;
    }

    /// <summary>The 15 name characters without trailing spaces (and NULs, which some stacks pad with).</summary>
    public static ReadOnlySpan<byte> Trimmed(ReadOnlySpan<byte> name16)
    {
        var chars = name16[..15];
        int end = chars.Length;
        while (end > 0 && chars[end - 1] is (byte)' ' or 0) end--;
        return chars[..end];
    }
}
