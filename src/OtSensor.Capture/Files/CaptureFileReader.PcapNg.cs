using System.Buffers.Binary;
using System.Globalization;
using OtSensor.Core.Time;

namespace OtSensor.Capture.Files;

// pcapng, draft-ietf-opsawg-pcapng. Every block (§3.1) has the same frame; all fields are in the
// byte order of the section, told by the Byte-Order Magic of its Section Header Block.
//
//  Generic block (§3.1)             SHB body (§4.1)                IDB body (§4.2)
//  +----------------------------+   +--------------------------+   +-----------------------------+
//  | block type (u32)           |   | BOM 1A2B3C4D (u32)       |   | link type u16 | reserved u16|
//  | block total length (u32)   |   | major u16 (1)| minor u16 |   | snaplen (u32)               |
//  | body, padded to 32 bits    |   | section length (i64, -1) |   | options (if_tsresol = 9,    |
//  | block total length (u32)   |   | options                  |   |   if_tsoffset = 14)         |
//  +----------------------------+   +--------------------------+   +-----------------------------+
//
//  EPB body (§4.3)                  SPB body (§4.4)                Obsolete PB body (Appendix A)
//  +----------------------------+   +--------------------------+   +-----------------------------+
//  | interface id (u32)         |   | original length (u32)    |   | interface id u16 | drops u16|
//  | timestamp high (u32)       |   | data: min(original,      |   | timestamp high, low (u32)   |
//  | timestamp low (u32)        |   |   snaplen, room) bytes   |   | captured, original (u32)    |
//  | captured, original (u32)   |   +--------------------------+   | data, padded; options       |
//  | data, padded; options      |                                  +-----------------------------+
//  +----------------------------+
//
//  Option (§3.5): code u16 | length u16 | value padded to 32 bits; code 0 ends the list.
public sealed partial class CaptureFileReader
{
    private const uint SectionHeaderBlockType = 0x0A0D0D0A;
    private const uint InterfaceDescriptionBlockType = 0x00000001;
    private const uint ObsoletePacketBlockType = 0x00000002;
    private const uint SimplePacketBlockType = 0x00000003;
    private const uint EnhancedPacketBlockType = 0x00000006;
    private const uint ByteOrderMagic = 0x1A2B3C4D;

    private const int BlockHeaderLength = 12;            // type + length + BOM/first body word
    private const int MinimumBlockLength = 12;           // type + length + trailing length
    private const int SectionHeaderMinimumLength = 28;
    private const int InterfaceDescriptionMinimumLength = 20;
    private const int PacketBlockMinimumLength = 32;     // EPB and obsolete PB without data
    private const int SimplePacketMinimumLength = 16;

    private const ushort OptionEnd = 0;
    private const ushort OptionTimestampResolution = 9;
    private const ushort OptionTimestampOffset = 14;

    private bool _sectionBigEndian;
    private PcapNgInterface[] _interfaces = [];
    private int _interfaceCount;
    private Timestamp _lastTimestamp;

    private void ReadFirstSectionHeader()
    {
        if (!Ensure(BlockHeaderLength))
        {
            Fail(0, string.Create(CultureInfo.InvariantCulture, $"truncated section header block ({Available} of {SectionHeaderMinimumLength} bytes) at offset 0"));
            return;
        }

        TryReadSectionHeader(0);
    }

    /// <summary>
    /// The next packet. Fast path: an Enhanced Packet Block wholly in the buffer whose lengths, trailer and interface all
    /// check out (almost every block of a capture) is read here with no further calls; anything else (other block types,
    /// a block to load, any check failing) takes <see cref="TryReadPcapNgPacketSlow"/>, which also reports the errors.
    /// </summary>
    private bool TryReadPcapNgPacket(out CaptureFrame frame)
    {
        int available = _end - _start;
        if (available >= PacketBlockMinimumLength)
        {
            var buffered = new ReadOnlySpan<byte>(_buffer, _start, available);
            bool bigEndian = _sectionBigEndian;
            uint type = ReadUInt32(buffered, bigEndian);
            uint length = ReadUInt32(buffered[4..], bigEndian);
            if (type == EnhancedPacketBlockType && length >= PacketBlockMinimumLength && (length & 3) == 0
                && length <= (uint)available && length <= (uint)_options.MaxBlockLength)
            {
                var block = buffered[..(int)length];
                uint interfaceId = ReadUInt32(block[8..], bigEndian);
                uint capturedLength = ReadUInt32(block[20..], bigEndian);
                if (ReadUInt32(block[^4..], bigEndian) == length && interfaceId < (uint)_interfaceCount
                    && capturedLength <= (uint)_options.MaxPacketLength && capturedLength <= length - PacketBlockMinimumLength)
                {
                    long offset = BytesRead;
                    ulong units = ((ulong)ReadUInt32(block[12..], bigEndian) << 32) | ReadUInt32(block[16..], bigEndian);
                    uint originalLength = ReadUInt32(block[24..], bigEndian);
                    frame = EnhancedPacketFrame(block, interfaceId, units, capturedLength, originalLength, offset);
                    _start += (int)length;
                    return true;
                }
            }
        }
        return TryReadPcapNgPacketSlow(out frame);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private bool TryReadPcapNgPacketSlow(out CaptureFrame frame)
    {
        frame = default;
        while (true)
        {
            long offset = BytesRead;
            if (!Ensure(BlockHeaderLength))
            {
                int available = Available;
                if (available == 0 && Error is null)
                {
                    _done = true;
                    return false;
                }

                return Fail(offset, string.Create(CultureInfo.InvariantCulture, $"truncated block header ({available} of {BlockHeaderLength} bytes) at offset {offset}"));
            }

            var head = _buffer.AsSpan(_start, BlockHeaderLength);
            uint type = ReadUInt32(head, _sectionBigEndian);
            if (type == SectionHeaderBlockType)
            {
                if (!TryReadSectionHeader(offset)) return false;
                continue;
            }

            uint length = ReadUInt32(head[4..], _sectionBigEndian);
            if (!TryLoadBlock(length, MinimumBlockLength, offset)) return false;
            var block = new ReadOnlySpan<byte>(_buffer, _start, (int)length);

            switch (type)
            {
                case EnhancedPacketBlockType:
                    if (!TryReadEnhancedPacket(block, offset, out frame)) return false;
                    _start += (int)length;
                    return true;
                case SimplePacketBlockType:
                    if (!TryReadSimplePacket(block, offset, out frame)) return false;
                    _start += (int)length;
                    return true;
                case ObsoletePacketBlockType:
                    if (!TryReadObsoletePacket(block, offset, out frame)) return false;
                    _start += (int)length;
                    return true;
                case InterfaceDescriptionBlockType:
                    if (!TryReadInterfaceDescription(block, offset)) return false;
                    break;
            }

            // Name resolution, statistics, decryption secrets, custom and unknown blocks: skipped by length (§3.1).
            _start += (int)length;
        }
    }

    /// <summary>Checks a block's leading length, loads the whole block and checks its trailing length.</summary>
    private bool TryLoadBlock(uint length, int minimum, long offset)
    {
        if (length < (uint)minimum)
            return Fail(offset, string.Create(CultureInfo.InvariantCulture, $"block length {length} is smaller than the {minimum}-byte minimum at offset {offset}"));
        if ((length & 3) != 0)
            return Fail(offset, string.Create(CultureInfo.InvariantCulture, $"block length {length} is not a multiple of 4 at offset {offset}"));
        if (length > (uint)_options.MaxBlockLength)
            return Fail(offset, string.Create(CultureInfo.InvariantCulture, $"block length {length} exceeds the {_options.MaxBlockLength}-byte limit at offset {offset}"));
        if (!Ensure((int)length))
            return Fail(offset, string.Create(CultureInfo.InvariantCulture, $"truncated block ({Available} of {length} bytes) at offset {offset}"));

        uint trailing = ReadUInt32(_buffer.AsSpan(_start + (int)length - 4, 4), _sectionBigEndian);
        if (trailing != length)
            return Fail(offset, string.Create(CultureInfo.InvariantCulture, $"trailing block length {trailing} does not match leading length {length} at offset {offset}"));
        return true;
    }

    /// <summary>Starts a new section: byte order from the BOM, interface ids restart at 0 (§4.1).</summary>
    private bool TryReadSectionHeader(long offset)
    {
        var head = _buffer.AsSpan(_start, BlockHeaderLength);
        uint bom = BinaryPrimitives.ReadUInt32LittleEndian(head[8..]);
        if (bom == ByteOrderMagic) _sectionBigEndian = false;
        else if (bom == BinaryPrimitives.ReverseEndianness(ByteOrderMagic)) _sectionBigEndian = true;
        else return Fail(offset, string.Create(CultureInfo.InvariantCulture, $"not a pcapng section: byte-order magic 0x{BinaryPrimitives.ReverseEndianness(bom):x8} at offset {offset}"));

        uint length = ReadUInt32(head[4..], _sectionBigEndian);
        if (!TryLoadBlock(length, SectionHeaderMinimumLength, offset)) return false;

        var block = _buffer.AsSpan(_start, (int)length);
        ushort major = ReadUInt16(block[12..], _sectionBigEndian);
        ushort minor = ReadUInt16(block[14..], _sectionBigEndian);
        if (major != 1)
            return Fail(offset, string.Create(CultureInfo.InvariantCulture, $"unsupported pcapng version {major}.{minor} at offset {offset}"));

        // The section length (often -1) is not needed: blocks are walked one by one.
        _interfaceCount = 0;
        LayoutVersion++;
        _start += (int)length;
        return true;
    }

    private bool TryReadInterfaceDescription(ReadOnlySpan<byte> block, long offset)
    {
        if (block.Length < InterfaceDescriptionMinimumLength)
            return Fail(offset, string.Create(CultureInfo.InvariantCulture, $"interface description block length {block.Length} is smaller than {InterfaceDescriptionMinimumLength} at offset {offset}"));
        if (_interfaceCount >= _options.MaxInterfaces)
            return Fail(offset, string.Create(CultureInfo.InvariantCulture, $"more than {_options.MaxInterfaces} interfaces in one section at offset {offset}"));

        bool bigEndian = _sectionBigEndian;
        var info = PcapNgInterface.Create(ReadUInt16(block[8..], bigEndian), ReadUInt32(block[12..], bigEndian));

        // Options are informational: a malformed list ends option parsing, it does not stop the walk.
        var options = block[16..^4];
        while (options.Length >= 4)
        {
            ushort code = ReadUInt16(options, bigEndian);
            ushort length = ReadUInt16(options[2..], bigEndian);
            int padded = (length + 3) & ~3;
            if (code == OptionEnd || padded > options.Length - 4) break;
            var value = options.Slice(4, length);
            if (code == OptionTimestampResolution && length >= 1) info.SetResolution(value[0]);
            else if (code == OptionTimestampOffset && length >= 8) info.SetOffsetSeconds((long)ReadUInt64(value, bigEndian));
            options = options[(4 + padded)..];
        }

        if (_interfaceCount == _interfaces.Length)
            Array.Resize(ref _interfaces, Math.Max(4, _interfaces.Length * 2));
        _interfaces[_interfaceCount++] = info;
        LayoutVersion++;
        return true;
    }

    private bool TryReadEnhancedPacket(ReadOnlySpan<byte> block, long offset, out CaptureFrame frame)
    {
        frame = default;
        if (block.Length < PacketBlockMinimumLength)
            return Fail(offset, string.Create(CultureInfo.InvariantCulture, $"enhanced packet block length {block.Length} is smaller than {PacketBlockMinimumLength} at offset {offset}"));
        bool bigEndian = _sectionBigEndian;
        uint interfaceId = ReadUInt32(block[8..], bigEndian);
        return TryMakePacket(block, offset, interfaceId, "enhanced packet block", out frame);
    }

    private bool TryReadObsoletePacket(ReadOnlySpan<byte> block, long offset, out CaptureFrame frame)
    {
        frame = default;
        if (block.Length < PacketBlockMinimumLength)
            return Fail(offset, string.Create(CultureInfo.InvariantCulture, $"packet block length {block.Length} is smaller than {PacketBlockMinimumLength} at offset {offset}"));
        uint interfaceId = ReadUInt16(block[8..], _sectionBigEndian);
        return TryMakePacket(block, offset, interfaceId, "packet block", out frame);
    }

    /// <summary>EPB and obsolete PB share the layout from the timestamp on (offset 12).</summary>
    private bool TryMakePacket(ReadOnlySpan<byte> block, long offset, uint interfaceId, string blockName, out CaptureFrame frame)
    {
        frame = default;
        if (interfaceId >= (uint)_interfaceCount)
            return Fail(offset, string.Create(CultureInfo.InvariantCulture, $"{blockName} references undefined interface {interfaceId} at offset {offset}"));

        bool bigEndian = _sectionBigEndian;
        ulong units = ((ulong)ReadUInt32(block[12..], bigEndian) << 32) | ReadUInt32(block[16..], bigEndian);
        uint capturedLength = ReadUInt32(block[20..], bigEndian);
        uint originalLength = ReadUInt32(block[24..], bigEndian);
        if (capturedLength > (uint)_options.MaxPacketLength)
            return Fail(offset, string.Create(CultureInfo.InvariantCulture, $"record length {capturedLength} exceeds the {_options.MaxPacketLength}-byte limit at offset {offset}"));
        int room = block.Length - PacketBlockMinimumLength;
        if (capturedLength > (uint)room)
            return Fail(offset, string.Create(CultureInfo.InvariantCulture, $"captured length {capturedLength} exceeds the {room}-byte block body at offset {offset}"));

        frame = EnhancedPacketFrame(block, interfaceId, units, capturedLength, originalLength, offset);
        return true;
    }

    /// <summary>
    /// The frame of an Enhanced Packet Block whose lengths and interface were checked (§4.3): the interface's clock and
    /// link type, the data after the 28-byte header. Shared by the inlined fast path and the checked slow path.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private CaptureFrame EnhancedPacketFrame(ReadOnlySpan<byte> block, uint interfaceId, ulong units, uint capturedLength, uint originalLength, long offset)
    {
        ref readonly var info = ref _interfaces[(int)interfaceId];
        var timestamp = info.ToTimestamp(units);
        _lastTimestamp = timestamp;
        return new CaptureFrame(
            timestamp,
            info.RawLinkType,
            (int)interfaceId,
            originalLength > int.MaxValue ? int.MaxValue : (int)originalLength,
            block.Slice(28, (int)capturedLength),
            ++FramesRead,
            offset);
    }

    /// <summary>
    /// SPB (§4.4): interface 0, no timestamp, data length = min(original length, snaplen, room in block).
    /// It carries no time, so it gets the time of the packet before it (0 if it is the first).
    /// </summary>
    private bool TryReadSimplePacket(ReadOnlySpan<byte> block, long offset, out CaptureFrame frame)
    {
        frame = default;
        if (block.Length < SimplePacketMinimumLength)
            return Fail(offset, string.Create(CultureInfo.InvariantCulture, $"simple packet block length {block.Length} is smaller than {SimplePacketMinimumLength} at offset {offset}"));
        if (_interfaceCount == 0)
            return Fail(offset, string.Create(CultureInfo.InvariantCulture, $"simple packet block references undefined interface 0 at offset {offset}"));

        ref readonly var info = ref _interfaces[0];
        uint originalLength = ReadUInt32(block[8..], _sectionBigEndian);
        uint capturedLength = Math.Min(originalLength, (uint)(block.Length - SimplePacketMinimumLength));
        if (info.SnapLength != 0) capturedLength = Math.Min(capturedLength, info.SnapLength);
        if (capturedLength > (uint)_options.MaxPacketLength)
            return Fail(offset, string.Create(CultureInfo.InvariantCulture, $"record length {capturedLength} exceeds the {_options.MaxPacketLength}-byte limit at offset {offset}"));

        frame = new CaptureFrame(
            _lastTimestamp,
            info.RawLinkType,
            0,
            originalLength > int.MaxValue ? int.MaxValue : (int)originalLength,
            block.Slice(12, (int)capturedLength),
            ++FramesRead,
            offset);
        return true;
    }
}
