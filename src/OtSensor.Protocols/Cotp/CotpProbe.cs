using OtSensor.Core.Parsing;
using OtSensor.Protocols.Tpkt;

namespace OtSensor.Protocols.Cotp;

/// <summary>Recognises ISO-on-TCP (TPKT + COTP) by content.</summary>
/// <remarks>
/// Strict, because content recognition runs on every new flow on any port: the data must be whole TPKT
/// packets back to back (version 3, reserved 0, length ≥ 7), each carrying a COTP TPDU whose LI fits
/// the packet and whose code is an X.224 TPDU type, ending with the data or with a packet still arriving.
/// </remarks>
public static class CotpProbe
{
    public static ProbeResult Recognize(ReadOnlySpan<byte> data, Direction direction)
    {
        _ = direction;
        int complete = 0;
        while (true)
        {
            if (data.IsEmpty) return complete > 0 ? ProbeResult.Recognized : ProbeResult.Incomplete;
            if (data.Length >= 2 && data[1] != 0) return ProbeResult.Unrecognized;
            var status = TpktFramer.TryReadPacket(data, out int length);
            if (status is TpktStatus.InvalidVersion or TpktStatus.InvalidLength) return ProbeResult.Unrecognized;
            // Judge the COTP header as soon as its two bytes are here, even while the packet is arriving.
            if (data.Length >= TpktConstants.HeaderLength + 2 && !IsPlausibleTpdu(data[TpktConstants.HeaderLength..Math.Min(length, data.Length)], length - TpktConstants.HeaderLength))
                return ProbeResult.Unrecognized;
            if (status == TpktStatus.Incomplete) return complete > 0 ? ProbeResult.Recognized : ProbeResult.Incomplete;
            complete++;
            data = data[length..];
        }
    }

    /// <summary>LI fits the TPDU and the type is defined with at least its fixed header.</summary>
    internal static bool IsPlausibleTpdu(ReadOnlySpan<byte> start, int tpduLength)
    {
        int li = start[0];
        if (li == CotpConstants.ReservedLengthIndicator || li + 1 > tpduLength) return false;
        return (CotpPduType)(start[1] >> 4) switch
        {
            CotpPduType.ConnectRequest or CotpPduType.ConnectConfirm or CotpPduType.DisconnectRequest => li >= 6,
            CotpPduType.DisconnectConfirm => li >= 5,
            CotpPduType.Data => start[1] == 0xF0 && (li == 2 || li >= 4), // DT's low nibble is 0000 (X.224 §13.7.3)
            CotpPduType.ExpeditedData or CotpPduType.DataAck or CotpPduType.ExpeditedDataAck
                or CotpPduType.Reject or CotpPduType.TpduError => li >= 4,
            _ => false,
        };
    }
}
