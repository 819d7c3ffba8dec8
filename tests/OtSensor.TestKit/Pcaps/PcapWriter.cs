using System.Buffers.Binary;
using OtSensor.Core.Net;
using OtSensor.Core.Time;

namespace OtSensor.TestKit.Pcaps;

/// <summary>
/// Writes synthetic classic pcap files (draft-ietf-opsawg-pcap §4–5): microsecond or nanosecond
/// magic, little- or big-endian. The low-level methods also write deliberately broken headers.
/// </summary>
public static class PcapWriter
{
    public const uint DefaultSnapLength = 262144;

    /// <summary>File header then one record per frame (original length = captured length).</summary>
    public static void Write(Stream stream, LinkType linkType, IEnumerable<(Timestamp ts, byte[] data)> frames, bool nanosecond = false, bool bigEndian = false)
    {
        ArgumentNullException.ThrowIfNull(frames);
        WriteHeader(stream, (ushort)linkType, nanosecond, bigEndian);
        foreach (var (ts, data) in frames) WriteRecord(stream, ts, data, null, nanosecond, bigEndian);
    }

    /// <summary>The bytes <see cref="Write"/> would produce.</summary>
    public static byte[] ToArray(LinkType linkType, IEnumerable<(Timestamp ts, byte[] data)> frames, bool nanosecond = false, bool bigEndian = false)
    {
        using var stream = new MemoryStream();
        Write(stream, linkType, frames, nanosecond, bigEndian);
        return stream.ToArray();
    }

    /// <summary>Writes a file at <paramref name="path"/> and returns the path.</summary>
    public static string WriteFile(string path, LinkType linkType, IEnumerable<(Timestamp ts, byte[] data)> frames, bool nanosecond = false, bool bigEndian = false)
    {
        using var stream = File.Create(path);
        Write(stream, linkType, frames, nanosecond, bigEndian);
        return path;
    }

    /// <summary>
    /// 24-byte file header. <paramref name="linkTypeField"/> is the whole 32-bit field, so tests can
    /// set the FCS bits (bits 28–31 FCS length, bit 26 F) above the 16-bit link type.
    /// </summary>
    public static void WriteHeader(Stream stream, uint linkTypeField, bool nanosecond = false, bool bigEndian = false, uint snapLength = DefaultSnapLength)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[24];
        Put32(header, nanosecond ? 0xA1B23C4Du : 0xA1B2C3D4u, bigEndian);   // magic
        Put16(header[4..], 2, bigEndian);                                     // major version
        Put16(header[6..], 4, bigEndian);                                     // minor version
        Put32(header[8..], 0, bigEndian);                                     // reserved1 (thiszone)
        Put32(header[12..], 0, bigEndian);                                    // reserved2 (sigfigs)
        Put32(header[16..], snapLength, bigEndian);                           // snaplen
        Put32(header[20..], linkTypeField, bigEndian);                        // FCS bits + link type
        stream.Write(header);
    }

    /// <summary>One record: header with the timestamp split into seconds and µs/ns, then the data.</summary>
    public static void WriteRecord(Stream stream, Timestamp ts, ReadOnlySpan<byte> data, int? originalLength = null, bool nanosecond = false, bool bigEndian = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        long seconds = Math.DivRem(ts.UnixNanoseconds, 1_000_000_000L, out long nanos);
        uint fraction = (uint)(nanosecond ? nanos : nanos / 1000);
        WriteRecordHeader(stream, (uint)seconds, fraction, (uint)data.Length, (uint)(originalLength ?? data.Length), bigEndian);
        stream.Write(data);
    }

    /// <summary>A bare 16-byte record header with any values (for truncated or absurd records).</summary>
    public static void WriteRecordHeader(Stream stream, uint seconds, uint fraction, uint capturedLength, uint originalLength, bool bigEndian = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[16];
        Put32(header, seconds, bigEndian);
        Put32(header[4..], fraction, bigEndian);
        Put32(header[8..], capturedLength, bigEndian);
        Put32(header[12..], originalLength, bigEndian);
        stream.Write(header);
    }

    private static void Put32(Span<byte> destination, uint value, bool bigEndian)
    {
        if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(destination, value);
        else BinaryPrimitives.WriteUInt32LittleEndian(destination, value);
    }

    private static void Put16(Span<byte> destination, ushort value, bool bigEndian)
    {
        if (bigEndian) BinaryPrimitives.WriteUInt16BigEndian(destination, value);
        else BinaryPrimitives.WriteUInt16LittleEndian(destination, value);
    }
}
