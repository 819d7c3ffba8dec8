using System.Buffers.Binary;
using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.Fins;

/// <summary>Recognises FINS/UDP datagrams and FINS/TCP streams by content, strictly.</summary>
/// <remarks>
/// FINS/UDP: ICF with bit 7 set and bits 5–1 clear, RSV 0, gateway count ≤ 7 and a command code from the FINS
/// tables (W342), with the end code present in responses. FINS/TCP: the "FINS" magic, a length of at least 8 that
/// covers the message, a defined FINS/TCP command, and for command 2 a FINS frame that passes the UDP checks.
/// </remarks>
public static class FinsProbe
{
    public static ProbeResult RecognizeDatagram(ReadOnlySpan<byte> datagram, Direction direction)
    {
        _ = direction;
        return FinsParser.IsPlausibleFrame(datagram) ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }

    /// <summary>A FINS/TCP header at the start of <paramref name="data"/> (new flows and resync).</summary>
    public static ProbeResult Recognize(ReadOnlySpan<byte> data, Direction direction)
    {
        _ = direction;
        ReadOnlySpan<byte> magic = "FINS"u8;
        int n = Math.Min(data.Length, 4);
        if (!data[..n].SequenceEqual(magic[..n])) return ProbeResult.Unrecognized;
        if (data.Length < FinsConstants.TcpHeaderLength) return ProbeResult.Incomplete;
        uint length = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        uint command = BinaryPrimitives.ReadUInt32BigEndian(data[8..]);
        if (length is < 8 or > FinsConstants.MaxTcpLength || FinsNames.TcpCommand(command) is null) return ProbeResult.Unrecognized;
        if (command != FinsConstants.TcpFrameSend) return ProbeResult.Recognized;
        if (data.Length < 8 + (int)length) return ProbeResult.Incomplete;
        return FinsParser.IsPlausibleFrame(data[FinsConstants.TcpHeaderLength..(8 + (int)length)]) ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }
}
