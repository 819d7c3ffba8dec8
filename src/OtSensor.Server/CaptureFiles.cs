namespace OtSensor.Server;

/// <summary>
/// What an uploaded file may be: a classic pcap (either byte order, micro- or nanosecond) or a pcapng, recognised by its
/// first four bytes; and what its display name may be (a plain file name with a capture extension, no path).
/// </summary>
internal static class CaptureFiles
{
    private static readonly string[] Extensions = [".pcap", ".pcapng", ".cap"];

    /// <summary>".pcap" or ".pcapng" for a capture's magic number, else null.</summary>
    public static string? ExtensionOf(ReadOnlySpan<byte> head)
    {
        if (head.Length < 4) return null;
        uint magic = (uint)(head[0] << 24 | head[1] << 16 | head[2] << 8 | head[3]);
        return magic switch
        {
            0xA1B2C3D4 or 0xD4C3B2A1 or 0xA1B23C4D or 0x4D3CB2A1 => ".pcap",
            0x0A0D0D0A => ".pcapng",
            _ => null,
        };
    }

    /// <summary>Why <paramref name="name"/> is not acceptable as a capture's display name, or null.</summary>
    public static string? CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "the file part has no file name";
        if (name.Length > 255) return "the file name is longer than 255 characters";
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal)
            || name.Any(char.IsControl) || name.Contains(':', StringComparison.Ordinal))
            return "the file name must be a plain name, without a path";
        if (!Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase))) return "the file name must end in .pcap, .pcapng or .cap";
        return null;
    }

    /// <summary>A fresh server-side file name: the client's name never reaches the file system.</summary>
    public static string NewFileName(string extension) => Guid.NewGuid().ToString("N") + extension;
}
