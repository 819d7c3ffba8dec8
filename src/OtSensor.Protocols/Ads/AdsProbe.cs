using System.Buffers.Binary;
using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.Ads;

/// <summary>Recognises AMS/TCP, AMS/UDP and TwinCAT discovery by content, strictly.</summary>
/// <remarks>
/// AMS/TCP: reserved 0, a length of at least the 32-byte AMS header that equals the AMS data length plus 32, a
/// command id 1–9, the ADS command state flag set and the UDP flag clear, no undefined flag bits (0x7F00). Together
/// these fix 40 bits of the first 38 bytes. Discovery: the 4-byte magic and a tag list that fits the datagram exactly.
/// </remarks>
public static class AdsProbe
{
    private const int Needed = AdsConstants.TcpHeaderLength + AdsConstants.AmsHeaderLength;

    /// <summary>An AMS/TCP header at the start of <paramref name="data"/> (used for new flows and for resync).</summary>
    public static ProbeResult Recognize(ReadOnlySpan<byte> data, Direction direction)
    {
        _ = direction;
        if (data.Length >= 1 && data[0] != 0) return ProbeResult.Unrecognized;
        if (data.Length >= 2 && data[1] != 0) return ProbeResult.Unrecognized;
        if (data.Length >= 6 && !IsPlausibleLength(BinaryPrimitives.ReadUInt32LittleEndian(data[2..]))) return ProbeResult.Unrecognized;
        if (data.Length < Needed) return ProbeResult.Incomplete;
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(data[2..]);
        return IsPlausibleAmsHeader(data[AdsConstants.TcpHeaderLength..], length, udp: false) ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }

    /// <summary>One UDP datagram: a discovery datagram, or an AMS/UDP packet filling the datagram exactly.</summary>
    public static ProbeResult RecognizeDatagram(ReadOnlySpan<byte> datagram, Direction direction)
    {
        _ = direction;
        if (datagram.Length >= AdsConstants.DiscoveryHeaderLength && BinaryPrimitives.ReadUInt32LittleEndian(datagram) == AdsConstants.DiscoveryMagic)
        {
            return AdsParser.TryParseDiscovery(datagram, out var discovery) && discovery.Anomalies == 0 && AdsNames.DiscoveryService(ServiceOf(datagram)) is not null
                ? ProbeResult.Recognized
                : ProbeResult.Unrecognized;
        }
        return datagram.Length >= AdsConstants.AmsHeaderLength && IsPlausibleAmsHeader(datagram, (uint)datagram.Length, udp: true)
            ? ProbeResult.Recognized
            : ProbeResult.Unrecognized;
    }

    private static uint ServiceOf(ReadOnlySpan<byte> datagram) => BinaryPrimitives.ReadUInt32LittleEndian(datagram[8..]);

    internal static bool IsPlausibleLength(uint length) => length is >= AdsConstants.AmsHeaderLength and <= AdsConstants.MaxAmsLength;

    private static bool IsPlausibleAmsHeader(ReadOnlySpan<byte> ams, uint amsLength, bool udp)
    {
        ushort command = BinaryPrimitives.ReadUInt16LittleEndian(ams[16..]);
        ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(ams[18..]);
        uint dataLength = BinaryPrimitives.ReadUInt32LittleEndian(ams[20..]);
        return command is >= 1 and <= AdsConstants.ReadWrite
            && (flags & AdsConstants.StateAdsCommand) != 0
            && ((flags & AdsConstants.StateUdp) != 0) == udp
            && (flags & 0x7F00) == 0
            && dataLength == amsLength - AdsConstants.AmsHeaderLength;
    }
}
