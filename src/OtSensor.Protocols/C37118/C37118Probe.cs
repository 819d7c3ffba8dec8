using System.Buffers.Binary;
using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.C37118;

/// <summary>Recognises a synchrophasor frame by content: SYNC, a defined frame type and version, and a correct CHK.</summary>
/// <remarks>
/// C37.118.2-2011: the first byte is 0xAA, the second has bit 7 clear, frame type 0–5 and version 1–2, FRAMESIZE is
/// at least 16, and the whole frame's CRC-CCITT matches CHK. The CRC makes a chance match a 1-in-65536 event on top
/// of the header bits, so it is required both for a new flow and for resync.
/// </remarks>
public static class C37118Probe
{
    /// <summary>Header prefix check: unrecognised as soon as a byte rules it out.</summary>
    public static ProbeResult ProbeHeader(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 1 && data[0] != C37118Constants.Sync) return ProbeResult.Unrecognized;
        if (data.Length >= 2 && !IsValidTypeByte(data[1])) return ProbeResult.Unrecognized;
        if (data.Length < 4) return ProbeResult.Incomplete;
        return BinaryPrimitives.ReadUInt16BigEndian(data[2..]) >= C37118Constants.MinFrameLength ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }

    /// <summary>A whole first frame with a valid CHK at the start of <paramref name="data"/> (TCP).</summary>
    public static ProbeResult Recognize(ReadOnlySpan<byte> data, Direction direction)
    {
        _ = direction;
        var header = ProbeHeader(data);
        if (header != ProbeResult.Recognized) return header;
        int size = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
        if (size > data.Length) return ProbeResult.Incomplete;
        return HasValidChecksum(data[..size]) ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }

    /// <summary>A datagram holding exactly one frame with a valid CHK (UDP).</summary>
    public static ProbeResult RecognizeDatagram(ReadOnlySpan<byte> datagram, Direction direction)
    {
        _ = direction;
        return ProbeHeader(datagram) == ProbeResult.Recognized
            && BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]) == datagram.Length
            && HasValidChecksum(datagram)
            ? ProbeResult.Recognized
            : ProbeResult.Unrecognized;
    }

    internal static bool HasValidChecksum(ReadOnlySpan<byte> frame)
        => frame.Length >= C37118Constants.MinFrameLength && C37118Crc.Compute(frame[..^2]) == BinaryPrimitives.ReadUInt16BigEndian(frame[^2..]);

    private static bool IsValidTypeByte(byte b) => (b & 0x80) == 0 && ((b >> 4) & 0x07) <= C37118Constants.FrameTypeConfig3 && (b & 0x0F) is 1 or 2;
}
