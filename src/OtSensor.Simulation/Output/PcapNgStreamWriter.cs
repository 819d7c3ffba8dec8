using System.Buffers.Binary;
using OtSensor.Core.Time;

namespace OtSensor.Simulation.Output;

/// <summary>
/// Streams an Ethernet capture as pcapng (draft-ietf-opsawg-pcapng §4.1 SHB, §4.2 IDB with <c>if_tsresol</c> = 9,
/// §4.3 EPB), little-endian, one interface. Nothing in the output depends on the clock or the machine, so the same
/// frames give the same bytes.
/// </summary>
/// <remarks>
/// <code>
/// SHB: type 0x0A0D0D0A | total length | byte-order magic 0x1A2B3C4D | major 1 | minor 0 | section length -1 | options | total length
/// IDB: type 1 | total length | link type 1 (Ethernet) | reserved | snaplen | if_tsresol option (9: nanoseconds) | total length
/// EPB: type 6 | total length | interface 0 | timestamp high | timestamp low | captured | original | data (padded to 4) | total length
/// </code>
/// </remarks>
public sealed class PcapNgStreamWriter : IDisposable
{
    private const uint SectionHeaderBlock = 0x0A0D0D0A;
    private const uint InterfaceDescriptionBlock = 1;
    private const uint EnhancedPacketBlock = 6;
    private const ushort OptionEnd = 0;
    private const ushort OptionTimestampResolution = 9;
    private const ushort OptionShbUserApplication = 4;
    private const int SnapLength = 65535;

    private readonly Stream _stream;
    private readonly byte[] _header = new byte[32];

    public PcapNgStreamWriter(Stream stream, string application)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(application);
        _stream = stream;
        WriteSectionHeader(application);
        WriteInterface();
    }

    public long Frames { get; private set; }
    public long Bytes { get; private set; }

    public void WriteFrame(Timestamp timestamp, ReadOnlySpan<byte> frame)
    {
        int padded = (frame.Length + 3) & ~3;
        int total = 28 + padded + 4;
        var h = _header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(h, EnhancedPacketBlock);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], (uint)total);
        BinaryPrimitives.WriteUInt32LittleEndian(h[8..], 0);
        ulong ns = (ulong)timestamp.UnixNanoseconds;
        BinaryPrimitives.WriteUInt32LittleEndian(h[12..], (uint)(ns >> 32));
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], (uint)ns);
        BinaryPrimitives.WriteUInt32LittleEndian(h[20..], (uint)frame.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(h[24..], (uint)frame.Length);
        _stream.Write(h[..28]);
        _stream.Write(frame);
        Span<byte> tail = stackalloc byte[8];
        tail.Clear();
        int pad = padded - frame.Length;
        BinaryPrimitives.WriteUInt32LittleEndian(tail[pad..], (uint)total);
        _stream.Write(tail[..(pad + 4)]);
        Frames++;
        Bytes += total;
    }

    public void Dispose() => _stream.Flush();

    private void WriteSectionHeader(string application)
    {
        var app = System.Text.Encoding.UTF8.GetBytes(application);
        int appPadded = (app.Length + 3) & ~3;
        int options = 4 + appPadded + 4;
        int total = 24 + options + 4;
        var block = new byte[total];
        var b = block.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(b, SectionHeaderBlock);
        BinaryPrimitives.WriteUInt32LittleEndian(b[4..], (uint)total);
        BinaryPrimitives.WriteUInt32LittleEndian(b[8..], 0x1A2B3C4D);
        BinaryPrimitives.WriteUInt16LittleEndian(b[12..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(b[14..], 0);
        BinaryPrimitives.WriteInt64LittleEndian(b[16..], -1);
        BinaryPrimitives.WriteUInt16LittleEndian(b[24..], OptionShbUserApplication);
        BinaryPrimitives.WriteUInt16LittleEndian(b[26..], (ushort)app.Length);
        app.CopyTo(b[28..]);
        BinaryPrimitives.WriteUInt16LittleEndian(b[(28 + appPadded)..], OptionEnd);
        BinaryPrimitives.WriteUInt32LittleEndian(b[(total - 4)..], (uint)total);
        _stream.Write(block);
    }

    private void WriteInterface()
    {
        const int total = 16 + 8 + 4 + 4;
        Span<byte> b = stackalloc byte[total];
        b.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(b, InterfaceDescriptionBlock);
        BinaryPrimitives.WriteUInt32LittleEndian(b[4..], total);
        BinaryPrimitives.WriteUInt16LittleEndian(b[8..], 1); // LINKTYPE_ETHERNET
        BinaryPrimitives.WriteUInt32LittleEndian(b[12..], SnapLength);
        BinaryPrimitives.WriteUInt16LittleEndian(b[16..], OptionTimestampResolution);
        BinaryPrimitives.WriteUInt16LittleEndian(b[18..], 1);
        b[20] = 9; // 10^-9 s
        BinaryPrimitives.WriteUInt16LittleEndian(b[24..], OptionEnd);
        BinaryPrimitives.WriteUInt32LittleEndian(b[(total - 4)..], total);
        _stream.Write(b);
    }
}
