using System.Buffers.Binary;
using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.EtherCat;

/// <summary>Strict content recognition of an EtherCAT frame carried in a UDP datagram (ETG.1000.4 §5.3.2).</summary>
/// <remarks>
/// Runs on every new UDP flow on any port, so it accepts only a well-formed DLPDU frame: reserved bit clear,
/// type 1, at least one datagram, every command defined, reserved length bits clear, and a datagram chain that
/// ends exactly at the header's Length (which must fit in the datagram). Random bytes rarely meet all of it.
/// </remarks>
public static class EtherCatProbe
{
    public static ProbeResult Recognize(ReadOnlySpan<byte> data, Direction direction)
    {
        _ = direction;
        if (data.Length < EtherCatConstants.FrameHeaderLength + EtherCatConstants.DatagramOverhead) return ProbeResult.Unrecognized;
        ushort header = BinaryPrimitives.ReadUInt16LittleEndian(data);
        if ((header & EtherCatConstants.FrameReservedBit) != 0 || header >> EtherCatConstants.FrameTypeShift != 1) return ProbeResult.Unrecognized;
        int length = header & EtherCatConstants.FrameLengthMask;
        if (length < EtherCatConstants.DatagramOverhead || length > data.Length - EtherCatConstants.FrameHeaderLength) return ProbeResult.Unrecognized;

        int end = EtherCatConstants.FrameHeaderLength + length;
        int offset = EtherCatConstants.FrameHeaderLength;
        while (true)
        {
            if (end - offset < EtherCatConstants.DatagramOverhead) return ProbeResult.Unrecognized;
            if (data[offset] > EtherCatConstants.MaxCommand) return ProbeResult.Unrecognized;
            ushort lengthField = BinaryPrimitives.ReadUInt16LittleEndian(data[(offset + 6)..]);
            if ((lengthField & EtherCatConstants.DatagramReservedMask) != 0) return ProbeResult.Unrecognized;
            int next = offset + EtherCatConstants.DatagramOverhead + (lengthField & EtherCatConstants.DatagramLengthMask);
            if (next > end) return ProbeResult.Unrecognized;
            if ((lengthField & EtherCatConstants.MoreBit) == 0) return next == end ? ProbeResult.Recognized : ProbeResult.Unrecognized;
            offset = next;
        }
    }
}
