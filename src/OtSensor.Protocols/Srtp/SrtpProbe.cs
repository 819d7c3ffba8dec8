using System.Buffers.Binary;
using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.Srtp;

/// <summary>Recognises GE SRTP by content: the all-zero initialisation, or a request/response header that checks out.</summary>
/// <remarks>
/// A client opens with 56 zero bytes; accepted only when nothing but a valid SRTP request follows them in the data
/// seen so far (zeros alone could be padding of anything: they stay <see cref="ProbeResult.Incomplete"/> until 56
/// bytes, and then are taken on the well-known port only by the registry's port-first order). A request needs type 2,
/// message type 0xC0, a known service code and a payload length within bounds; a
/// response type 3 and message type 0xD4, 0x94 or 0xD1.
/// </remarks>
public static class SrtpProbe
{
    public static ProbeResult Recognize(ReadOnlySpan<byte> data, Direction direction)
    {
        _ = direction;
        if (data.IsEmpty) return ProbeResult.Incomplete;
        byte type = data[0];
        if (type is not (SrtpConstants.TypeInit or SrtpConstants.TypeRequest or SrtpConstants.TypeResponse)) return ProbeResult.Unrecognized;
        int n = Math.Min(data.Length, SrtpConstants.HeaderLength);
        if (type == SrtpConstants.TypeInit)
        {
            if (data[..n].ContainsAnyExcept((byte)0)) return ProbeResult.Unrecognized;
            if (data.Length < SrtpConstants.HeaderLength) return ProbeResult.Incomplete;
            var rest = data[SrtpConstants.HeaderLength..];
            return rest.IsEmpty ? ProbeResult.Recognized : (IsHeader(rest) ? ProbeResult.Recognized : ProbeResult.Unrecognized);
        }
        if (data.Length < SrtpConstants.HeaderLength) return ProbeResult.Incomplete;
        return IsHeader(data) ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }

    /// <summary>A plausible request or response header (also used to find message boundaries).</summary>
    internal static bool IsHeader(ReadOnlySpan<byte> data)
    {
        if (data.Length < SrtpConstants.HeaderLength) return false;
        if (BinaryPrimitives.ReadUInt16LittleEndian(data[SrtpConstants.PayloadLengthOffset..]) > SrtpConstants.MaxPayload) return false;
        byte messageType = data[SrtpConstants.MessageTypeOffset];
        return data[0] switch
        {
            SrtpConstants.TypeRequest => messageType == SrtpConstants.MessageRequest && SrtpNames.Service(data[SrtpConstants.ServiceOffset]) is not null,
            SrtpConstants.TypeResponse => messageType is SrtpConstants.MessageAck or SrtpConstants.MessageAckWithData or SrtpConstants.MessageError,
            _ => false,
        };
    }
}
