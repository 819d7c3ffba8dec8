using System.Buffers.Binary;
using System.Globalization;

namespace OtSensor.Capture.Files;

// Classic pcap, draft-ietf-opsawg-pcap §4 (file header) and §5 (packet record). All fields are in
// the byte order of the writer, told by how the magic number reads.
//
//  File header (24 bytes)                      Packet record header (16 bytes) + data
//  +---------------------------------------+   +---------------------------------------+
//  | magic A1B2C3D4 (us) / A1B23C4D (ns)    |   | timestamp seconds (u32)               |
//  | major u16 (2)      | minor u16 (4)     |   | timestamp us or ns (u32)              |
//  | reserved1 (u32, was thiszone)          |   | captured length (u32)                 |
//  | reserved2 (u32, was sigfigs)           |   | original length (u32)                 |
//  | snaplen (u32)                          |   | data: captured length bytes, no pad   |
//  | FCS len:4 | F:1 | 0:11 | link type:16  |   +---------------------------------------+
//  +---------------------------------------+
public sealed partial class CaptureFileReader
{
    private const int PcapFileHeaderLength = 24;
    private const int PcapRecordHeaderLength = 16;

    private bool _pcapBigEndian;
    private long _pcapFractionToNanoseconds;
    private ushort _pcapRawLinkType;

    private void ReadPcapFileHeader()
    {
        if (!Ensure(PcapFileHeaderLength))
        {
            Fail(0, string.Create(CultureInfo.InvariantCulture, $"truncated pcap file header ({Available} of {PcapFileHeaderLength} bytes) at offset 0"));
            return;
        }

        var header = _buffer.AsSpan(_start, PcapFileHeaderLength);
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(header);
        _pcapBigEndian = magic is not (CaptureMagic.PcapMicroseconds or CaptureMagic.PcapNanoseconds);
        if (_pcapBigEndian) magic = BinaryPrimitives.ReverseEndianness(magic);
        _pcapFractionToNanoseconds = magic == CaptureMagic.PcapNanoseconds ? 1 : 1000;

        // Upper 16 bits carry the FCS length and reserved bits (§4, LinkType and additional information).
        uint linkField = ReadUInt32(header[20..], _pcapBigEndian);
        _pcapRawLinkType = (ushort)linkField;
        _start += PcapFileHeaderLength;
    }

    private bool TryReadPcapRecord(out CaptureFrame frame)
    {
        long offset = BytesRead;
        if (!Ensure(PcapRecordHeaderLength)) return EndOrTruncatedRecordHeader(offset, out frame);

        var header = _buffer.AsSpan(_start, PcapRecordHeaderLength);
        uint seconds, fraction, capturedLength, originalLength;
        if (_pcapBigEndian)
        {
            seconds = BinaryPrimitives.ReadUInt32BigEndian(header);
            fraction = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
            capturedLength = BinaryPrimitives.ReadUInt32BigEndian(header[8..]);
            originalLength = BinaryPrimitives.ReadUInt32BigEndian(header[12..]);
        }
        else
        {
            seconds = BinaryPrimitives.ReadUInt32LittleEndian(header);
            fraction = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            capturedLength = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
            originalLength = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
        }

        if (capturedLength > (uint)_options.MaxPacketLength) return RecordTooLong(offset, capturedLength, out frame);

        int recordLength = PcapRecordHeaderLength + (int)capturedLength;
        if (!Ensure(recordLength)) return TruncatedRecordData(offset, capturedLength, out frame);

        // u32 seconds * 1e9 + u32 fraction * 1000 stays below 2^63: no overflow possible.
        long nanoseconds = ((long)seconds * 1_000_000_000L) + ((long)fraction * _pcapFractionToNanoseconds);
        frame = new CaptureFrame(
            new Core.Time.Timestamp(nanoseconds),
            _pcapRawLinkType,
            0,
            originalLength > int.MaxValue ? int.MaxValue : (int)originalLength,
            new ReadOnlySpan<byte>(_buffer, _start + PcapRecordHeaderLength, (int)capturedLength),
            ++FramesRead,
            offset);
        _start += recordLength;
        return true;
    }

    // The failure paths live in their own methods: their message formatting needs stack space that the record loop,
    // run millions of times, would otherwise zero on every call.

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private bool EndOrTruncatedRecordHeader(long offset, out CaptureFrame frame)
    {
        frame = default;
        int available = Available;
        if (available == 0 && Error is null)
        {
            _done = true;
            return false;
        }
        return Fail(offset, string.Create(CultureInfo.InvariantCulture, $"truncated record header ({available} of {PcapRecordHeaderLength} bytes) at offset {offset}"));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private bool RecordTooLong(long offset, uint capturedLength, out CaptureFrame frame)
    {
        frame = default;
        return Fail(offset, string.Create(CultureInfo.InvariantCulture, $"record length {capturedLength} exceeds the {_options.MaxPacketLength}-byte limit at offset {offset}"));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private bool TruncatedRecordData(long offset, uint capturedLength, out CaptureFrame frame)
    {
        frame = default;
        return Fail(offset, string.Create(CultureInfo.InvariantCulture, $"truncated record data ({Available - PcapRecordHeaderLength} of {capturedLength} bytes) at offset {offset}"));
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> source, bool bigEndian)
        => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(source) : BinaryPrimitives.ReadUInt32LittleEndian(source);

    private static ushort ReadUInt16(ReadOnlySpan<byte> source, bool bigEndian)
        => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(source) : BinaryPrimitives.ReadUInt16LittleEndian(source);

    private static ulong ReadUInt64(ReadOnlySpan<byte> source, bool bigEndian)
        => bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(source) : BinaryPrimitives.ReadUInt64LittleEndian(source);
}
