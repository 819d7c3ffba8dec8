using System.Buffers.Binary;
using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.HartIp;

/// <summary>Recognises HART-IP by content, strictly: a whole first message whose header and body both check out.</summary>
/// <remarks>
/// HCF_SPEC-85: version 1 or 2, a defined message type and id, a byte count that covers the message, and a body
/// that fits its id exactly: Session Initiate 5 bytes with master type 0/1, Session Close and Keep Alive empty,
/// a token-passing PDU one HART frame with a valid delimiter, its own byte count and a correct longitudinal parity.
/// The probe runs on every new flow on any port, and also finds the next message when a stream resynchronises.
/// </remarks>
public static class HartIpProbe
{
    private const HartIpAnomalies Structural = ~(HartIpAnomalies.DirectionMismatch | HartIpAnomalies.LengthMismatch);

    /// <summary>Header prefix check: recognised when 8 plausible header bytes are there, incomplete when fewer.</summary>
    public static ProbeResult ProbeHeader(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 1 && data[0] is not (1 or 2)) return ProbeResult.Unrecognized;
        if (data.Length >= 2 && !HartIpParser.IsKnownMessageType(data[1])) return ProbeResult.Unrecognized;
        if (data.Length >= 3 && !HartIpParser.IsKnownMessageId(data[2])) return ProbeResult.Unrecognized;
        if (data.Length >= 7 && data[6] > HartIpConstants.MaxMessageLength >> 8) return ProbeResult.Unrecognized;
        if (data.Length < HartIpConstants.HeaderLength) return ProbeResult.Incomplete;
        return HartIpParser.IsPlausibleHeader(data) ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }

    /// <summary>Recognises the start of a TCP stream.</summary>
    public static ProbeResult Recognize(ReadOnlySpan<byte> data, Direction direction)
    {
        var header = ProbeHeader(data);
        if (header != ProbeResult.Recognized) return header;
        int count = BinaryPrimitives.ReadUInt16BigEndian(data[6..]);
        if (count > data.Length) return ProbeResult.Incomplete;
        return IsWholeValidMessage(data[..count], direction) ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }

    /// <summary>Recognises one UDP datagram: exactly one message.</summary>
    public static ProbeResult RecognizeDatagram(ReadOnlySpan<byte> datagram, Direction direction)
    {
        if (ProbeHeader(datagram) != ProbeResult.Recognized || BinaryPrimitives.ReadUInt16BigEndian(datagram[6..]) != datagram.Length)
            return ProbeResult.Unrecognized;
        return IsWholeValidMessage(datagram, direction) ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }

    private static bool IsWholeValidMessage(ReadOnlySpan<byte> message, Direction direction)
    {
        if (!HartIpParser.TryParse(message, direction, out var parsed) || (parsed.AnomalyFlags & Structural) != 0) return false;
        return true;
    }
}
