using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.Iec104;

/// <summary>Recognises IEC 104 APDUs by content: on a new flow (<see cref="Recognize"/>) and on resync (<see cref="Probe"/>).</summary>
/// <remarks>
/// A start byte and a length are weak evidence (0x68 is ASCII 'h'), so the control field must be a well-formed
/// I, S or U field (104 §5.1–§5.3: S and U frames are exactly 4 control octets with their zero octets, a U frame
/// has exactly one function bit) and an I frame's ASDU must begin with a defined type id and a used cause.
/// </remarks>
public static class Iec104Probe
{
    /// <summary>Octets needed to judge an APDU start: through the cause of transmission of an I frame.</summary>
    public const int ProbeLength = Iec104Constants.ApciLength + 3;

    /// <summary>Judges whether an APDU plausibly starts at <paramref name="data"/>; decides as early as the bytes allow.</summary>
    public static ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction)
    {
        _ = direction;
        if (data.IsEmpty) return ProbeResult.Incomplete;
        if (data[0] != Iec104Constants.StartByte) return ProbeResult.Unrecognized;
        if (data.Length < 2) return ProbeResult.Incomplete;
        int length = data[1];
        if (!Iec104Framer.IsValidLength(length)) return ProbeResult.Unrecognized;
        if (data.Length < 3) return ProbeResult.Incomplete;
        byte c1 = data[2];
        if ((c1 & 0x01) == 0)
        {
            // I format: ASDU header present, receive LSB 0, defined type id, cause 1..63.
            if (length < Iec104Constants.ControlLength + Iec104Constants.AsduHeaderLength) return ProbeResult.Unrecognized;
            if (data.Length >= 5 && (data[4] & 0x01) != 0) return ProbeResult.Unrecognized;
            if (data.Length >= 7 && !Iec104Layouts.Of(data[6]).IsKnown) return ProbeResult.Unrecognized;
            if (data.Length >= 9 && (data[8] & 0x3F) == 0) return ProbeResult.Unrecognized;
            return data.Length >= ProbeLength ? ProbeResult.Recognized : ProbeResult.Incomplete;
        }

        if (length != Iec104Constants.ControlLength) return ProbeResult.Unrecognized;
        if ((c1 & 0x03) == 0x01)
        {
            if (c1 != 0x01) return ProbeResult.Unrecognized;
            if (data.Length >= 4 && data[3] != 0) return ProbeResult.Unrecognized;
            if (data.Length >= 5 && (data[4] & 0x01) != 0) return ProbeResult.Unrecognized;
        }
        else
        {
            if (Iec104Names.UFunction((Iec104UFunction)(c1 >> 2)) is null) return ProbeResult.Unrecognized;
            for (int i = 3; i < Math.Min(data.Length, Iec104Constants.ApciLength); i++)
                if (data[i] != 0) return ProbeResult.Unrecognized;
        }
        return data.Length >= Iec104Constants.ApciLength ? ProbeResult.Recognized : ProbeResult.Incomplete;
    }

    /// <summary>
    /// Recognises a new flow as IEC 104, strictly: whole APDUs back to back, each passing <see cref="Probe"/>, every
    /// complete I frame parsing without structural anomalies, ending exactly at the end of the data or with a last
    /// APDU still arriving. A lone partial APDU is <see cref="ProbeResult.Incomplete"/>.
    /// </summary>
    public static ProbeResult Recognize(ReadOnlySpan<byte> data, Direction direction)
    {
        const Iec104Anomalies Structural = Iec104Anomalies.AsduTooShort | Iec104Anomalies.UnexpectedData | Iec104Anomalies.InvalidUFunction
            | Iec104Anomalies.ReservedBitsSet | Iec104Anomalies.ZeroObjects | Iec104Anomalies.ObjectsTruncated | Iec104Anomalies.TrailingBytes
            | Iec104Anomalies.UnknownTypeId | Iec104Anomalies.CauseNotUsed | Iec104Anomalies.ReservedCause;
        int complete = 0;
        while (true)
        {
            if (data.IsEmpty) return complete > 0 ? ProbeResult.Recognized : ProbeResult.Incomplete;
            var header = Probe(data, direction);
            if (header == ProbeResult.Unrecognized) return ProbeResult.Unrecognized;
            if (header == ProbeResult.Incomplete) return complete > 0 ? ProbeResult.Recognized : ProbeResult.Incomplete;
            int frameLength = data[1] + Iec104Constants.HeaderLength;
            if (frameLength > data.Length) return complete > 0 ? ProbeResult.Recognized : ProbeResult.Incomplete;
            if (!Iec104Parser.TryParse(data[..frameLength], direction, out var message) || (message.AnomalyFlags & Structural) != 0)
                return ProbeResult.Unrecognized;
            complete++;
            data = data[frameLength..];
        }
    }
}
