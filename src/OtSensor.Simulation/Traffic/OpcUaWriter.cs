using System.Buffers.Binary;
using System.Text;
using OtSensor.Core.Time;

namespace OtSensor.Simulation.Traffic;

/// <summary>OPC UA binary encoding (OPC 10000-6 §5.2), little-endian, and the message framing of §7.1.2.2 / §6.7.2.2.</summary>
internal sealed class OpcUaWriter
{
    private readonly List<byte> _bytes = [];

    /// <summary>Message header: type, chunk 'F', total size, then <paramref name="body"/>.</summary>
    public static byte[] Frame(string type, OpcUaWriter body)
    {
        var bytes = body.ToArray();
        var frame = new byte[8 + bytes.Length];
        Encoding.ASCII.GetBytes(type, frame);
        frame[3] = (byte)'F';
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), (uint)frame.Length);
        bytes.CopyTo(frame, 8);
        return frame;
    }

    public byte[] ToArray() => [.. _bytes];

    public OpcUaWriter Byte(byte value) { _bytes.Add(value); return this; }

    public OpcUaWriter Bytes(ReadOnlySpan<byte> value) { _bytes.AddRange(value); return this; }

    public OpcUaWriter U16(ushort value) { _bytes.Add((byte)value); _bytes.Add((byte)(value >> 8)); return this; }

    public OpcUaWriter U32(uint value) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, value); _bytes.AddRange(b); return this; }

    public OpcUaWriter I32(int value) => U32((uint)value);

    public OpcUaWriter Double(double value) { Span<byte> b = stackalloc byte[8]; BinaryPrimitives.WriteDoubleLittleEndian(b, value); _bytes.AddRange(b); return this; }

    /// <summary>A null String or ByteString (length -1), or a null array.</summary>
    public OpcUaWriter Null() => I32(-1);

    public OpcUaWriter Str(string value) { var b = Encoding.UTF8.GetBytes(value); I32(b.Length); _bytes.AddRange(b); return this; }

    /// <summary>A ByteString: Int32 length, then the octets.</summary>
    public OpcUaWriter ByteString(ReadOnlySpan<byte> value) { I32(value.Length); _bytes.AddRange(value); return this; }

    /// <summary>Four-byte NodeId form: 0x01, namespace 0, UInt16 identifier.</summary>
    public OpcUaWriter Id(ushort id) { _bytes.AddRange([0x01, 0x00, (byte)id, (byte)(id >> 8)]); return this; }

    /// <summary>String NodeId (encoding 0x03): namespace UInt16, identifier String.</summary>
    public OpcUaWriter StringId(ushort ns, string id) { Byte(0x03).U16(ns); return Str(id); }

    /// <summary>DateTime: 100 ns ticks since 1601-01-01 (§5.2.2.5).</summary>
    public OpcUaWriter Time(Timestamp at)
    {
        long ticks = (at.UnixNanoseconds / 100) + 116_444_736_000_000_000L;
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(b, ticks);
        _bytes.AddRange(b);
        return this;
    }

    public OpcUaWriter LocalizedText(string text) { Byte(0x02); return Str(text); }

    /// <summary>RequestHeader: null authentication token, time, handle, diagnostics 0, audit id null, timeout, empty additional header.</summary>
    public OpcUaWriter RequestHeader(Timestamp at, uint handle) => RequestHeader(at, handle, [0x00, 0x00]);

    /// <summary>RequestHeader with the session's authentication token (an encoded NodeId) first (OPC 10000-4 §7.28).</summary>
    public OpcUaWriter RequestHeader(Timestamp at, uint handle, ReadOnlySpan<byte> authenticationToken)
    {
        _bytes.AddRange(authenticationToken);
        Time(at).U32(handle).U32(0).Null().U32(10000);
        _bytes.AddRange([0x00, 0x00, 0x00]);
        return this;
    }

    /// <summary>ResponseHeader: time, handle, Good, no diagnostics, null string table, empty additional header.</summary>
    public OpcUaWriter ResponseHeader(Timestamp at, uint handle)
    {
        Time(at).U32(handle).U32(0);
        _bytes.Add(0x00);
        I32(-1);
        _bytes.AddRange([0x00, 0x00, 0x00]);
        return this;
    }
}
