using System.Buffers.Binary;
using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.Melsec;

/// <summary>Recognises MC protocol (SLMP) 3E/4E binary frames by content; ports vary, so content is all there is.</summary>
/// <remarks>
/// A subheader 50 00 / D0 00 / 54 00 / D4 00, for 4E a zero fixed field, a data length within 2..8192 (6.. for a
/// request) and, for a request, a command from the SLMP command list. The MELSOFT engineering protocol of the public
/// captures (subheaders 57 00 / D7 00 on TCP 5001, 5A 00 / DA 00 on UDP 5560) is a different protocol and is not
/// recognised here.
/// </remarks>
public static class MelsecProbe
{
    /// <summary>A frame at the start of <paramref name="data"/> (new TCP flows and resync).</summary>
    public static ProbeResult Recognize(ReadOnlySpan<byte> data, Direction direction)
    {
        _ = direction;
        if (data.Length >= 1 && data[0] is not (MelsecConstants.Request3E or MelsecConstants.Response3E or MelsecConstants.Request4E or MelsecConstants.Response4E))
            return ProbeResult.Unrecognized;
        if (data.Length >= 2 && data[1] != 0) return ProbeResult.Unrecognized;
        int header = MelsecParser.HeaderLength(data);
        if (header == 0 || data.Length < header) return ProbeResult.Incomplete;
        if (header == MelsecConstants.Header4E && BinaryPrimitives.ReadUInt16LittleEndian(data[4..]) != 0) return ProbeResult.Unrecognized;
        bool response = (data[0] & 0x80) != 0;
        int length = BinaryPrimitives.ReadUInt16LittleEndian(data[(header - 2)..]);
        if (length < (response ? MelsecConstants.MinResponseData : MelsecConstants.MinRequestData) || length > MelsecConstants.MaxDataLength)
            return ProbeResult.Unrecognized;
        if (response) return ProbeResult.Recognized;
        if (data.Length < header + MelsecConstants.MinRequestData) return ProbeResult.Incomplete;
        return MelsecNames.Command(BinaryPrimitives.ReadUInt16LittleEndian(data[(header + 2)..])) is not null ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }

    /// <summary>One datagram holding exactly one frame.</summary>
    public static ProbeResult RecognizeDatagram(ReadOnlySpan<byte> datagram, Direction direction)
    {
        if (Recognize(datagram, direction) != ProbeResult.Recognized) return ProbeResult.Unrecognized;
        int header = MelsecParser.HeaderLength(datagram);
        return header + BinaryPrimitives.ReadUInt16LittleEndian(datagram[(header - 2)..]) == datagram.Length ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }
}
