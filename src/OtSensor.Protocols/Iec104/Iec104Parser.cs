using System.Buffers.Binary;
using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.Iec104;

/// <summary>Decodes one complete APDU (as cut by <see cref="Iec104Framer"/>) into an <see cref="Iec104Message"/>.</summary>
/// <remarks>
/// <code>
/// APDU (IEC 60870-5-104 §5, figure 6)           ASDU (IEC 60870-5-101 §7.1, 104 §9 sizes)
/// +------+--------+----------------------+      +---------+-----+-----------+------+------------+-------------
/// | 0x68 | length | control octets 1..4  |      | type id | VSQ | COT | P/N | orig | common adr | objects ...
/// +------+--------+----------------------+      |    1    |  1  | bits 0-5, | (1)  | (2, LE)    | IOA (3, LE)
///   1       1 (4..253)    4                     |         |SQ+N | T=7,PN=6  |      |            | + element
///
/// control field:  I: [N(S) lsb=0][N(S) msb][N(R) lsb=0][N(R) msb]    (15-bit numbers, §5.1)
///                 S: [0x01][0x00][N(R) lsb=0][N(R) msb]              (§5.2)
///                 U: [TESTFR con|act STOPDT con|act STARTDT con|act 1 1][0][0][0]   (§5.3)
/// </code>
/// Never throws and never allocates: a short or inconsistent ASDU sets anomaly bits and the message is emitted
/// with what could be read.
/// </remarks>
public static class Iec104Parser
{
    /// <summary>Parses <paramref name="frame"/> (start byte through the length byte's count); false when it is not an APDU at all.</summary>
    public static bool TryParse(ReadOnlySpan<byte> frame, Direction direction, out Iec104Message message)
    {
        message = default;
        if (frame.Length < Iec104Constants.ApciLength || frame[0] != Iec104Constants.StartByte) return false;

        message = new Iec104Message(frame);
        ref Iec104Decoded d = ref message.Fields;
        d.LengthField = frame[1];
        byte c1 = frame[2], c2 = frame[3], c3 = frame[4], c4 = frame[5];
        if ((c1 & 0x01) == 0)
        {
            d.Type = Iec104ApciType.I;
            d.SendSequence = (ushort)((c1 >> 1) | (c2 << 7));
            d.ReceiveSequence = (ushort)((c3 >> 1) | (c4 << 7));
            if ((c3 & 0x01) != 0) d.Anomalies |= Iec104Anomalies.ReservedBitsSet;
            ParseAsdu(frame[Iec104Constants.ApciLength..], direction, ref d);
        }
        else if ((c1 & 0x03) == 0x01)
        {
            d.Type = Iec104ApciType.S;
            d.ReceiveSequence = (ushort)((c3 >> 1) | (c4 << 7));
            if (c1 != 0x01 || c2 != 0 || (c3 & 0x01) != 0) d.Anomalies |= Iec104Anomalies.ReservedBitsSet;
            if (frame.Length != Iec104Constants.ApciLength) d.Anomalies |= Iec104Anomalies.UnexpectedData;
            d.IsResponse = direction == Direction.ToClient;
        }
        else
        {
            d.Type = Iec104ApciType.U;
            d.UBits = (byte)(c1 >> 2);
            if (Iec104Names.UFunction((Iec104UFunction)d.UBits) is null) d.Anomalies |= Iec104Anomalies.InvalidUFunction;
            if (c2 != 0 || c3 != 0 || c4 != 0) d.Anomalies |= Iec104Anomalies.ReservedBitsSet;
            if (frame.Length != Iec104Constants.ApciLength) d.Anomalies |= Iec104Anomalies.UnexpectedData;
            // A confirmation answers an activation, whichever station sent it (TESTFR runs both ways).
            d.IsResponse = (d.UBits & 0x2A) != 0 && (d.UBits & 0x15) == 0;
            d.Operation = Iec104Operations.OfControl(d.Type, (Iec104UFunction)d.UBits);
        }

        return true;
    }

    private static void ParseAsdu(ReadOnlySpan<byte> asdu, Direction direction, ref Iec104Decoded d)
    {
        d.IsResponse = direction == Direction.ToClient;
        if (asdu.IsEmpty)
        {
            d.Anomalies |= Iec104Anomalies.AsduTooShort;
            return;
        }

        d.HasTypeId = true;
        d.TypeId = asdu[0];
        d.Operation = Iec104Operations.Of(d.TypeId, direction);
        if (asdu.Length < Iec104Constants.AsduHeaderLength)
        {
            d.Anomalies |= Iec104Anomalies.AsduTooShort;
            return;
        }

        d.HasAsdu = true;
        d.Vsq = asdu[1];
        d.CotOctet = asdu[2];
        d.Originator = asdu[3];
        d.CommonAddress = BinaryPrimitives.ReadUInt16LittleEndian(asdu[4..]);
        CheckHeader(direction, ref d);

        var body = asdu[Iec104Constants.AsduHeaderLength..];
        int declared = d.Vsq & 0x7F;
        bool sequence = (d.Vsq & 0x80) != 0;
        var layout = Iec104Layouts.Of(d.TypeId);
        if (!layout.IsKnown)
        {
            d.Anomalies |= Iec104Anomalies.UnknownTypeId; // object size unknown: the body stays raw
            return;
        }
        if (declared == 0) d.Anomalies |= Iec104Anomalies.ZeroObjects;
        if (sequence && !AllowsSequence(d.TypeId)) d.Anomalies |= Iec104Anomalies.SequenceNotAllowed;

        d.CompleteObjects = Iec104InformationObjects.CountComplete(body, d.TypeId, sequence, declared, out int used);
        if (d.CompleteObjects < declared) d.Anomalies |= Iec104Anomalies.ObjectsTruncated;
        else if (used < body.Length) d.Anomalies |= Iec104Anomalies.TrailingBytes;

        if (layout.TimeLength != 0 && d.CompleteObjects > 0) CheckTimes(body, d.TypeId, sequence, d.CompleteObjects, ref d);
    }

    private static void CheckHeader(Direction direction, ref Iec104Decoded d)
    {
        int cause = d.CotOctet & 0x3F;
        if (cause == 0) d.Anomalies |= Iec104Anomalies.CauseNotUsed;
        else if (cause is (>= 14 and <= 19) or 42 or 43) d.Anomalies |= Iec104Anomalies.ReservedCause;
        if (d.CommonAddress == 0) d.Anomalies |= Iec104Anomalies.CommonAddressNotUsed;

        bool fromServer = direction == Direction.ToClient;
        bool unexpected = Iec104Operations.IsMonitor(d.TypeId)
            ? !fromServer
            : Iec104Operations.IsCommand(d.TypeId) && (fromServer
                ? cause is 6 or 8                                  // activation / deactivation come from the controlling station
                : cause is 7 or 9 or 10 or (>= 44 and <= 47));     // confirmations, termination and refusals from the controlled one
        if (unexpected) d.Anomalies |= Iec104Anomalies.UnexpectedDirection;
    }

    /// <summary>SQ = 1 is defined only for untimed monitor process information (101 §7.3.1) and the directory (§7.3.6.7).</summary>
    private static bool AllowsSequence(byte typeId) => typeId is 1 or 3 or 5 or 7 or 9 or 11 or 13 or 15 or 20 or 21 or 126;

    private static void CheckTimes(ReadOnlySpan<byte> body, byte typeId, bool sequence, int count, ref Iec104Decoded d)
    {
        foreach (var item in new Iec104InformationObjects(body, typeId, sequence, count))
        {
            if (!item.Time.IsInRange)
            {
                d.Anomalies |= Iec104Anomalies.InvalidTime;
                return;
            }
        }
    }
}
