using System.Buffers.Binary;
using OtSensor.Core.Net;

namespace OtSensor.Decoding.Tests.Captures;

/// <summary>One captured frame: its link type and bytes.</summary>
internal readonly record struct TestFrame(LinkType LinkType, ReadOnlyMemory<byte> Data);

/// <summary>
/// Minimal test-only reader for classic pcap and pcapng files, so decoder tests do not depend on the capture
/// project. Reads the whole file; stops quietly at the first malformed record.
/// </summary>
/// <remarks>
/// Classic pcap: 24-byte file header (magic a1b2c3d4 µs / a1b23c4d ns, either byte order; link type at 20),
/// then records of 16-byte header (seconds, fraction, captured length, original length) + data.
/// pcapng (draft-ietf-opsawg-pcapng): blocks of type, total length, body, total length; SHB 0x0A0D0D0A sets the
/// byte order (magic 1a2b3c4d), IDB (1) gives each interface's link type, EPB (6), SPB (3) and the obsolete
/// Packet Block (2) carry frames.
/// </remarks>
internal static class TestCaptureReader
{
    public static List<TestFrame> ReadAll(string path)
    {
        var file = File.ReadAllBytes(path);
        var frames = new List<TestFrame>();
        if (file.Length < 24) return frames;
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(file);
        if (magic == 0x0A0D0D0A) ReadPcapng(file, frames);
        else ReadPcap(file, frames);
        return frames;
    }

    private static void ReadPcap(byte[] file, List<TestFrame> frames)
    {
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(file);
        bool bigEndian = magic is 0xD4C3B2A1 or 0x4D3CB2A1;
        uint linkField = Read32(file, 20, bigEndian);
        var linkType = (LinkType)(ushort)(linkField & 0x0FFF_FFFF);
        int offset = 24;
        while (offset + 16 <= file.Length)
        {
            int captured = (int)Read32(file, offset + 8, bigEndian);
            offset += 16;
            if (captured < 0 || captured > file.Length - offset) break;
            frames.Add(new TestFrame(linkType, file.AsMemory(offset, captured)));
            offset += captured;
        }
    }

    private static void ReadPcapng(byte[] file, List<TestFrame> frames)
    {
        var interfaces = new List<LinkType>();
        bool bigEndian = false;
        int offset = 0;
        while (offset + 12 <= file.Length)
        {
            uint type = Read32(file, offset, bigEndian);
            if (type == 0x0A0D0D0A)
            {
                bigEndian = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 8)) != 0x1A2B3C4D;
                interfaces.Clear();
            }
            int length = (int)Read32(file, offset + 4, bigEndian);
            if (length < 12 || length > file.Length - offset) break;
            int body = offset + 8;
            switch (type)
            {
                case 1: // Interface Description Block
                    interfaces.Add((LinkType)Read16(file, body, bigEndian));
                    break;
                case 6: // Enhanced Packet Block
                {
                    int iface = (int)Read32(file, body, bigEndian);
                    int captured = (int)Read32(file, body + 12, bigEndian);
                    if (iface < interfaces.Count && captured >= 0 && captured <= length - 32)
                        frames.Add(new TestFrame(interfaces[iface], file.AsMemory(body + 20, captured)));
                    break;
                }
                case 3: // Simple Packet Block: interface 0, data fills the block (minus padding)
                {
                    int original = (int)Read32(file, body, bigEndian);
                    int captured = Math.Min(original, length - 16);
                    if (interfaces.Count > 0 && captured >= 0)
                        frames.Add(new TestFrame(interfaces[0], file.AsMemory(body + 4, captured)));
                    break;
                }
                case 2: // Packet Block (obsolete)
                {
                    int iface = Read16(file, body, bigEndian);
                    int captured = (int)Read32(file, body + 12, bigEndian);
                    if (iface < interfaces.Count && captured >= 0 && captured <= length - 32)
                        frames.Add(new TestFrame(interfaces[iface], file.AsMemory(body + 20, captured)));
                    break;
                }
            }
            offset += length;
        }
    }

    private static uint Read32(byte[] file, int offset, bool bigEndian)
        => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset)) : BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset));

    private static ushort Read16(byte[] file, int offset, bool bigEndian)
        => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(offset)) : BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(offset));
}
