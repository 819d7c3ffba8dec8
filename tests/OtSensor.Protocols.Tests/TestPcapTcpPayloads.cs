using System.Buffers.Binary;

namespace OtSensor.Protocols.Tests;

/// <summary>One TCP segment's payload from a capture, with its endpoints.</summary>
public sealed record TestTcpSegment(uint SrcIP, ushort SrcPort, uint DstIP, ushort DstPort, byte[] Payload);

/// <summary>
/// Test-only reader of classic pcap files (Ethernet, optional 802.1Q, IPv4, TCP) that yields TCP payloads in
/// capture order. No reassembly, reordering or retransmission handling: enough to feed protocol sessions
/// from the public captures until the real capture and decoding layers exist.
/// </summary>
public static class TestPcapTcpPayloads
{
    public static IEnumerable<TestTcpSegment> Read(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        if (file.Length < 24) yield break;
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(file);
        bool littleEndian = magic is 0xA1B2C3D4 or 0xA1B23C4D;
        bool bigEndian = magic is 0xD4C3B2A1 or 0x4D3CB2A1;
        if (!littleEndian && !bigEndian) yield break;
        uint linkType = ReadU32(file.AsSpan(20), littleEndian);
        if (linkType != 1) yield break; // Ethernet only

        int offset = 24;
        while (offset + 16 <= file.Length)
        {
            int captured = (int)ReadU32(file.AsSpan(offset + 8), littleEndian);
            offset += 16;
            if (captured < 0 || offset + captured > file.Length) yield break;
            var segment = Slice(file.AsSpan(offset, captured));
            offset += captured;
            if (segment is not null) yield return segment;
        }
    }

    private static uint ReadU32(ReadOnlySpan<byte> data, bool littleEndian)
        => littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(data) : BinaryPrimitives.ReadUInt32BigEndian(data);

    private static TestTcpSegment? Slice(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < 14) return null;
        int etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
        int l3 = 14;
        while (etherType is 0x8100 or 0x88A8 && frame.Length >= l3 + 4)
        {
            etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[(l3 + 2)..]);
            l3 += 4;
        }
        if (etherType != 0x0800 || frame.Length < l3 + 20) return null;
        var ip = frame[l3..];
        int ihl = (ip[0] & 0x0F) * 4;
        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        if ((ip[0] >> 4) != 4 || ip[9] != 6 || ihl < 20) return null;
        // Fragments other than the first carry no TCP header; ignore them all (none in these captures).
        if ((BinaryPrimitives.ReadUInt16BigEndian(ip[6..]) & 0x3FFF) != 0) return null;
        // The IPv4 total length bounds the payload: Ethernet pads short frames.
        int ipLength = Math.Min(totalLength, ip.Length);
        if (ipLength < ihl + 20) return null;
        var tcp = ip[ihl..ipLength];
        int dataOffset = (tcp[12] >> 4) * 4;
        if (dataOffset < 20 || dataOffset > tcp.Length) return null;
        var payload = tcp[dataOffset..];
        if (payload.IsEmpty) return null;
        return new TestTcpSegment(
            BinaryPrimitives.ReadUInt32BigEndian(ip[12..]), BinaryPrimitives.ReadUInt16BigEndian(tcp),
            BinaryPrimitives.ReadUInt32BigEndian(ip[16..]), BinaryPrimitives.ReadUInt16BigEndian(tcp[2..]),
            payload.ToArray());
    }
}
