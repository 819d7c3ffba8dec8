using System.Buffers.Binary;
using OtSensor.Core.Net;
using OtSensor.Core.Time;

namespace OtSensor.TestKit.Pcaps;

/// <summary>
/// Writes synthetic pcapng files (draft-ietf-opsawg-pcapng): sections in either byte order,
/// interfaces with their own link type, snaplen, <c>if_tsresol</c> and <c>if_tsoffset</c>, and
/// Enhanced, Simple and obsolete Packet Blocks. <see cref="WriteRawBlock"/> writes broken blocks.
/// </summary>
/// <example>
/// <code>
/// var w = new PcapNgWriter(stream);
/// w.WriteSectionHeader();
/// int eth = w.WriteInterface(LinkType.Ethernet);                     // µs
/// int raw = w.WriteInterface(LinkType.Raw, tsresol: 9);               // ns
/// w.WriteEnhancedPacket(raw, ts, bytes);
/// </code>
/// </example>
public sealed class PcapNgWriter
{
    public const uint SectionHeaderBlockType = 0x0A0D0D0A;
    public const uint InterfaceDescriptionBlockType = 1;
    public const uint ObsoletePacketBlockType = 2;
    public const uint SimplePacketBlockType = 3;
    public const uint NameResolutionBlockType = 4;
    public const uint InterfaceStatisticsBlockType = 5;
    public const uint EnhancedPacketBlockType = 6;
    public const uint CustomBlockType = 0x00000BAD;

    private readonly Stream _stream;
    private readonly List<(byte Resolution, long OffsetSeconds)> _interfaces = [];

    public PcapNgWriter(Stream stream, bool bigEndian = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        BigEndian = bigEndian;
    }

    /// <summary>Byte order of the current section.</summary>
    public bool BigEndian { get; private set; }

    /// <summary>Stream position (the offset the next block will have).</summary>
    public long Position => _stream.Position;

    /// <summary>One section, one interface, one EPB per frame (µs, or ns with <c>if_tsresol</c> = 9).</summary>
    public static void Write(Stream stream, LinkType linkType, IEnumerable<(Timestamp ts, byte[] data)> frames, bool nanosecond = false, bool bigEndian = false)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var writer = new PcapNgWriter(stream, bigEndian);
        writer.WriteSectionHeader();
        int id = writer.WriteInterface(linkType, tsresol: nanosecond ? (byte)9 : null);
        foreach (var (ts, data) in frames) writer.WriteEnhancedPacket(id, ts, data);
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

    /// <summary>Starts a section (§4.1), optionally switching byte order. Interface ids restart at 0.</summary>
    public void WriteSectionHeader(bool? bigEndian = null, long sectionLength = -1, ushort major = 1, ushort minor = 0)
    {
        if (bigEndian is bool order) BigEndian = order;
        _interfaces.Clear();
        Span<byte> body = stackalloc byte[16];
        Put32(body, 0x1A2B3C4D);                       // byte-order magic
        Put16(body[4..], major);                       // major version
        Put16(body[6..], minor);                       // minor version
        Put64(body[8..], (ulong)sectionLength);        // section length, -1 = not given
        WriteBlock(SectionHeaderBlockType, body);
    }

    /// <summary>
    /// Interface Description Block (§4.2). <paramref name="tsresol"/> is the raw <c>if_tsresol</c> byte
    /// (6 = µs, 9 = ns, 0x80 | n = 2^-n); null omits the option (µs by default).
    /// Returns the interface id.
    /// </summary>
    public int WriteInterface(ushort rawLinkType, uint snapLength = 0, byte? tsresol = null, long tsoffsetSeconds = 0, string? name = null)
    {
        using var body = new MemoryStream();
        Span<byte> word = stackalloc byte[8];
        Put16(word, rawLinkType);                      // link type
        Put16(word[2..], 0);                           // reserved
        Put32(word[4..], snapLength);                  // snaplen, 0 = no limit
        body.Write(word);
        if (name is not null) WriteOption(body, 2, System.Text.Encoding.UTF8.GetBytes(name));              // if_name
        if (tsresol is byte resolution) WriteOption(body, 9, [resolution]);                                 // if_tsresol
        if (tsoffsetSeconds != 0)
        {
            Put64(word, (ulong)tsoffsetSeconds);
            WriteOption(body, 14, word);                                                                   // if_tsoffset
        }

        if (name is not null || tsresol is not null || tsoffsetSeconds != 0) WriteOption(body, 0, []);  // opt_endofopt
        WriteBlock(InterfaceDescriptionBlockType, body.ToArray());
        _interfaces.Add((tsresol ?? 6, tsoffsetSeconds));
        return _interfaces.Count - 1;
    }

    /// <inheritdoc cref="WriteInterface(ushort, uint, byte?, long, string?)"/>
    public int WriteInterface(LinkType linkType, uint snapLength = 0, byte? tsresol = null, long tsoffsetSeconds = 0, string? name = null)
        => WriteInterface((ushort)linkType, snapLength, tsresol, tsoffsetSeconds, name);

    /// <summary>Enhanced Packet Block (§4.3); the timestamp is converted to the interface's units (undefined ids use µs).</summary>
    public void WriteEnhancedPacket(int interfaceId, Timestamp ts, ReadOnlySpan<byte> data, int? originalLength = null)
    {
        var body = new byte[20 + Pad(data.Length)];
        ulong units = ToUnits(interfaceId, ts);
        Put32(body, (uint)interfaceId);                         // interface id
        Put32(body.AsSpan(4), (uint)(units >> 32));             // timestamp high
        Put32(body.AsSpan(8), (uint)units);                     // timestamp low
        Put32(body.AsSpan(12), (uint)data.Length);              // captured length
        Put32(body.AsSpan(16), (uint)(originalLength ?? data.Length)); // original length
        data.CopyTo(body.AsSpan(20));
        WriteBlock(EnhancedPacketBlockType, body);
    }

    /// <summary>Obsolete Packet Block (type 2, Appendix A): 16-bit interface id and drops count.</summary>
    public void WriteObsoletePacket(int interfaceId, Timestamp ts, ReadOnlySpan<byte> data, int? originalLength = null, ushort dropsCount = 0)
    {
        var body = new byte[20 + Pad(data.Length)];
        ulong units = ToUnits(interfaceId, ts);
        Put16(body, (ushort)interfaceId);                       // interface id
        Put16(body.AsSpan(2), dropsCount);                      // drops count
        Put32(body.AsSpan(4), (uint)(units >> 32));             // timestamp high
        Put32(body.AsSpan(8), (uint)units);                     // timestamp low
        Put32(body.AsSpan(12), (uint)data.Length);              // captured length
        Put32(body.AsSpan(16), (uint)(originalLength ?? data.Length)); // original length
        data.CopyTo(body.AsSpan(20));
        WriteBlock(ObsoletePacketBlockType, body);
    }

    /// <summary>Simple Packet Block (§4.4): original length then the data (the writer truncates nothing; pass snaplen-cut data yourself).</summary>
    public void WriteSimplePacket(ReadOnlySpan<byte> data, int? originalLength = null)
    {
        var body = new byte[4 + Pad(data.Length)];
        Put32(body, (uint)(originalLength ?? data.Length));     // original length
        data.CopyTo(body.AsSpan(4));
        WriteBlock(SimplePacketBlockType, body);
    }

    /// <summary>Any block: type, total length, body padded to 32 bits, total length again (§3.1).</summary>
    public void WriteBlock(uint type, ReadOnlySpan<byte> body)
    {
        uint total = (uint)(12 + Pad(body.Length));
        Span<byte> word = stackalloc byte[4];
        Put32(word, type);
        _stream.Write(word);
        Put32(word, total);
        _stream.Write(word);
        _stream.Write(body);
        word.Clear();
        _stream.Write(word[..(Pad(body.Length) - body.Length)]);
        Put32(word, total);
        _stream.Write(word);
    }

    /// <summary>A block with chosen leading and trailing lengths and an unpadded body, for corruption tests.</summary>
    public void WriteRawBlock(uint type, uint leadingLength, ReadOnlySpan<byte> body, uint? trailingLength)
    {
        Span<byte> word = stackalloc byte[4];
        Put32(word, type);
        _stream.Write(word);
        Put32(word, leadingLength);
        _stream.Write(word);
        _stream.Write(body);
        if (trailingLength is uint trailing)
        {
            Put32(word, trailing);
            _stream.Write(word);
        }
    }

    /// <summary>
    /// Timestamp in the interface's units, after removing its <c>if_tsoffset</c>. Powers of two round
    /// up so that a reader flooring back to nanoseconds gets the same value when 2^n ≥ 10^9.
    /// </summary>
    public ulong ToUnits(int interfaceId, Timestamp ts)
    {
        var (resolution, offsetSeconds) = (uint)interfaceId < (uint)_interfaces.Count ? _interfaces[interfaceId] : ((byte)6, 0L);
        ulong nanoseconds = (ulong)(ts.UnixNanoseconds - (offsetSeconds * 1_000_000_000L));
        int exponent = resolution & 0x7F;
        if ((resolution & 0x80) != 0)
        {
            UInt128 scaled = (UInt128)nanoseconds << exponent;
            return (ulong)((scaled + 999_999_999) / 1_000_000_000);
        }

        if (exponent <= 9) return nanoseconds / Pow10(9 - exponent);
        return nanoseconds * Pow10(exponent - 9);
    }

    private static int Pad(int length) => (length + 3) & ~3;

    private static ulong Pow10(int exponent)
    {
        ulong value = 1;
        for (int i = 0; i < exponent; i++) value *= 10;
        return value;
    }

    private void WriteOption(Stream body, ushort code, ReadOnlySpan<byte> value)
    {
        Span<byte> header = stackalloc byte[4];
        Put16(header, code);
        Put16(header[2..], (ushort)value.Length);
        body.Write(header);
        body.Write(value);
        header.Clear();
        body.Write(header[..(Pad(value.Length) - value.Length)]);
    }

    private void Put64(Span<byte> destination, ulong value)
    {
        if (BigEndian) BinaryPrimitives.WriteUInt64BigEndian(destination, value);
        else BinaryPrimitives.WriteUInt64LittleEndian(destination, value);
    }

    private void Put32(Span<byte> destination, uint value)
    {
        if (BigEndian) BinaryPrimitives.WriteUInt32BigEndian(destination, value);
        else BinaryPrimitives.WriteUInt32LittleEndian(destination, value);
    }

    private void Put16(Span<byte> destination, ushort value)
    {
        if (BigEndian) BinaryPrimitives.WriteUInt16BigEndian(destination, value);
        else BinaryPrimitives.WriteUInt16LittleEndian(destination, value);
    }
}
