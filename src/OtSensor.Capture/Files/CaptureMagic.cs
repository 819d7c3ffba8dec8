using System.Buffers.Binary;
using System.Globalization;

namespace OtSensor.Capture.Files;

/// <summary>Recognises a capture file by its first four bytes.</summary>
/// <remarks>
/// draft-ietf-opsawg-pcap §4 (magic 0xA1B2C3D4 microseconds, 0xA1B23C4D nanoseconds, either byte
/// order) and draft-ietf-opsawg-pcapng §4.1 (Section Header Block type 0x0A0D0D0A, a palindrome).
/// </remarks>
public static class CaptureMagic
{
    /// <summary>Number of leading bytes <see cref="Detect"/> needs.</summary>
    public const int Length = 4;

    internal const uint PcapMicroseconds = 0xA1B2C3D4;
    internal const uint PcapNanoseconds = 0xA1B23C4D;
    internal const uint PcapNgSectionHeader = 0x0A0D0D0A;

    /// <summary>The format whose magic starts <paramref name="head"/>, or <see cref="CaptureFormat.Unknown"/>.</summary>
    public static CaptureFormat Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length < Length) return CaptureFormat.Unknown;
        uint le = BinaryPrimitives.ReadUInt32LittleEndian(head);
        uint be = BinaryPrimitives.ReadUInt32BigEndian(head);
        if (le is PcapMicroseconds or PcapNanoseconds || be is PcapMicroseconds or PcapNanoseconds) return CaptureFormat.Pcap;
        if (le == PcapNgSectionHeader) return CaptureFormat.PcapNg;
        return CaptureFormat.Unknown;
    }

    /// <summary>
    /// Reads the first bytes of <paramref name="path"/> and reports its format. Returns false with a
    /// one-line reason for files that cannot be read or are not captures.
    /// </summary>
    public static bool TryDetectFile(string path, out CaptureFormat format, out string? reason)
    {
        format = CaptureFormat.Unknown;
        Span<byte> head = stackalloc byte[Length];
        int n;
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            n = 0;
            while (n < Length)
            {
                int r = RandomAccess.Read(handle, head[n..], n);
                if (r == 0) break;
                n += r;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            reason = ex.Message;
            return false;
        }

        reason = Describe(head[..n]);
        if (reason is not null) return false;
        format = Detect(head);
        return true;
    }

    /// <summary>Why <paramref name="head"/> is not a capture, or null when it is one.</summary>
    internal static string? Describe(ReadOnlySpan<byte> head)
    {
        if (head.Length == 0) return "empty file";
        if (head.Length < Length)
            return string.Create(CultureInfo.InvariantCulture, $"not a capture file: only {head.Length} bytes");
        if (Detect(head) != CaptureFormat.Unknown) return null;
        return string.Create(CultureInfo.InvariantCulture, $"not a capture file: unknown magic 0x{BinaryPrimitives.ReadUInt32BigEndian(head):x8}");
    }
}
