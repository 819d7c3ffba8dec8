using System.Buffers.Binary;

namespace OtSensor.Protocols.Tpkt;

/// <summary>Finds TPKT packet boundaries in a TCP byte stream.</summary>
/// <remarks>
/// RFC 1006 §6 packet format:
/// <code>
///  0        1        2        3
/// +--------+--------+--------+--------+
/// |  vrsn  |reserved| packet length   |   vrsn = 3, length counts the header too (7..65535)
/// +--------+--------+--------+--------+
/// |  TPDU (ISO 8073), length - 4 bytes |
/// +-----------------------------------+
/// </code>
/// The reserved byte should be 0 but RFC 1006 asks receivers not to check it; it is reported, not enforced.
/// </remarks>
public static class TpktFramer
{
    /// <summary>Reads the header at the start of <paramref name="data"/>.</summary>
    /// <param name="packetLength">On <see cref="TpktStatus.Complete"/> or <see cref="TpktStatus.Incomplete"/>, the bytes
    /// the packet needs in total (the header length while the header itself is incomplete).</param>
    public static TpktStatus TryReadPacket(ReadOnlySpan<byte> data, out int packetLength)
    {
        packetLength = TpktConstants.HeaderLength;
        if (data.Length >= 1 && data[0] != TpktConstants.Version) return TpktStatus.InvalidVersion;
        if (data.Length < TpktConstants.HeaderLength) return TpktStatus.Incomplete;
        int length = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
        if (length < TpktConstants.MinLength) return TpktStatus.InvalidLength;
        packetLength = length;
        return length > data.Length ? TpktStatus.Incomplete : TpktStatus.Complete;
    }

    /// <summary>True when the reserved byte is not zero (RFC 1006 §6 says "reserved, 0").</summary>
    public static bool HasNonZeroReserved(ReadOnlySpan<byte> packet) => packet.Length >= 2 && packet[1] != 0;
}
