using System.Buffers.Binary;
using OtSensor.Protocols.Ber;

namespace OtSensor.Protocols.Goose;

/// <summary>
/// Decodes one GOOSE frame payload (the bytes after the EtherType) in place: the 8-octet header and the BER goosePdu.
/// Never throws, never allocates; what is wrong becomes <see cref="GooseAnomalies"/> bits and the fields that did
/// arrive are still decoded.
/// </summary>
/// <remarks>
/// <code>
///  00 01 | 00 91 | 00 00 | 00 00 | 61 81 86 | 80 1a "GEDeviceF650/LLN0$GO$gcb01" | 81 03 00 9c 40 | ...
///  APPID   Length  Res.1   Res.2   goosePdu   gocbRef [0]                         timeAllowedToLive [1]
///
///  Header (IEC 61850-8-1 Annex C, Figure C.1): APPID, Length = 8 + APDU octets (Ethernet padding follows it),
///  Reserved 1 (Ed.2: bit 15 Simulation), Reserved 2 (Ed.2: security CRC or 0).
///  IECGoosePdu ::= [APPLICATION 1] IMPLICIT SEQUENCE {      (IEC 61850-8-1 Annex A)
///    gocbRef [0] VisibleString, timeAllowedToLive [1] INTEGER (ms), datSet [2] VisibleString,
///    goID [3] VisibleString OPTIONAL, t [4] UtcTime (8 octets), stNum [5] INTEGER, sqNum [6] INTEGER,
///    simulation (Ed.1: test) [7] BOOLEAN DEFAULT FALSE, confRev [8] INTEGER, ndsCom [9] BOOLEAN DEFAULT FALSE,
///    numDatSetEntries [10] INTEGER, allData [11] SEQUENCE OF Data, security [12] ANY OPTIONAL }
/// </code>
/// Fields are taken by tag, so a missing or misplaced field costs only itself (flagged), not the fields after it.
/// allData is counted element by element at its top level only; its Data values are not decoded.
/// </remarks>
public static class GooseParser
{
    /// <summary>Decodes the header and goosePdu of <paramref name="payload"/> into a message borrowing it (no sequence state).</summary>
    /// <returns>False only when fewer than the 8 header octets are present (no record can be made).</returns>
    public static bool TryParse(ReadOnlySpan<byte> payload, out GooseMessage message)
    {
        if (!TryDecode(payload, out var d))
        {
            message = default;
            return false;
        }
        message = new GooseMessage(d);
        return true;
    }

    internal static bool TryDecode(ReadOnlySpan<byte> payload, out GooseDecoded d)
    {
        d = default;
        if (payload.Length < GooseConstants.HeaderLength) return false;
        d.AppId = BinaryPrimitives.ReadUInt16BigEndian(payload);
        d.LengthField = BinaryPrimitives.ReadUInt16BigEndian(payload[2..]);
        d.Reserved1 = BinaryPrimitives.ReadUInt16BigEndian(payload[4..]);
        d.Reserved2 = BinaryPrimitives.ReadUInt16BigEndian(payload[6..]);
        if (d.AppId is > GooseConstants.AppIdType1Max and < GooseConstants.AppIdType1AMin or > GooseConstants.AppIdType1AMax)
            d.Anomalies |= GooseAnomalies.AppIdOutOfRange;

        // The APDU ends at Length; what follows is Ethernet padding. A Length that cannot be right leaves the rest
        // of the frame as the bound, and then bytes after the PDU are padding, not trailing data.
        ReadOnlySpan<byte> apdu;
        bool lengthTrusted = false;
        if (d.LengthField < GooseConstants.HeaderLength)
        {
            d.Anomalies |= GooseAnomalies.InvalidLength;
            apdu = payload[GooseConstants.HeaderLength..];
        }
        else if (d.LengthField > payload.Length)
        {
            d.Anomalies |= GooseAnomalies.LengthExceedsFrame;
            apdu = payload[GooseConstants.HeaderLength..];
        }
        else
        {
            apdu = payload[GooseConstants.HeaderLength..d.LengthField];
            lengthTrusted = true;
        }

        if (!BerReader.TryReadHeader(apdu, out byte identifier, out int length, out int headerLength))
        {
            d.Anomalies |= apdu.Length < 2 ? GooseAnomalies.TruncatedPdu | GooseAnomalies.MissingField : GooseAnomalies.MalformedBer | GooseAnomalies.MissingField;
            if (apdu.Length >= 2 && apdu[1] == 0x80) d.Anomalies |= GooseAnomalies.IndefiniteLength;
            return true;
        }
        if (identifier != GooseConstants.GoosePduTag)
        {
            d.Anomalies |= GooseAnomalies.UnknownPduTag;
            return true;
        }

        var content = apdu[headerLength..];
        if ((uint)length > (uint)content.Length)
        {
            d.Anomalies |= GooseAnomalies.TruncatedPdu;
        }
        else
        {
            if (lengthTrusted && length < content.Length) d.Anomalies |= GooseAnomalies.TrailingBytes;
            content = content[..length];
        }

        Fields(content, ref d);
        return true;
    }

    private static void Fields(ReadOnlySpan<byte> content, ref GooseDecoded d)
    {
        var reader = new BerReader(content);
        var seen = GooseFieldPresence.None;
        int lastTag = -1;
        while (reader.TryRead(out var e))
        {
            if (e.TagClass != BerElement.ClassContext || e.Number > GooseConstants.MaxFieldTag)
            {
                d.Anomalies |= GooseAnomalies.UnknownField;
                continue;
            }
            var field = (GooseFieldPresence)(1 << e.Number);
            if ((seen & field) != 0)
            {
                d.Anomalies |= GooseAnomalies.DuplicateField;
                continue;
            }
            seen |= field;
            if (e.Number < lastTag) d.Anomalies |= GooseAnomalies.FieldOutOfOrder;
            else lastTag = e.Number;

            switch (e.Number)
            {
                case 0: if (VisibleString(in e, field, ref d)) d.GocbRef = e.Content; break;
                case 1: d.TimeAllowedToLive = Integer(in e, field, ref d); break;
                case 2: if (VisibleString(in e, field, ref d)) d.DatSet = e.Content; break;
                case 3: if (VisibleString(in e, field, ref d)) d.GoId = e.Content; break;
                case 4: UtcTime(in e, ref d); break;
                case 5: d.StNum = Integer(in e, field, ref d); break;
                case 6: d.SqNum = Integer(in e, field, ref d); break;
                case 7: d.Test = Boolean(in e, field, ref d); break;
                case 8: d.ConfRev = Integer(in e, field, ref d); break;
                case 9: d.NdsCom = Boolean(in e, field, ref d); break;
                case 10: d.NumDatSetEntries = Integer(in e, field, ref d); break;
                case 11: AllData(in e, ref d); break;
                default:
                    d.Security = e.Content;
                    d.Present |= GooseFieldPresence.Security;
                    break;
            }
        }
        if (reader.Failed)
        {
            d.Anomalies |= GooseAnomalies.MalformedBer;
            if (reader.SawIndefiniteLength) d.Anomalies |= GooseAnomalies.IndefiniteLength;
        }
        if ((seen & GooseFieldPresence.Mandatory) != GooseFieldPresence.Mandatory) d.Anomalies |= GooseAnomalies.MissingField;
        if (d.Has(GooseFieldPresence.NumDatSetEntries | GooseFieldPresence.AllData) && d.NumDatSetEntries != (uint)d.Entries)
            d.Anomalies |= GooseAnomalies.EntryCountMismatch;
    }

    /// <summary>VisibleString (ISO 646 printable, 0x20–0x7E); kept even when flagged, so the record shows what was sent.</summary>
    private static bool VisibleString(in BerElement e, GooseFieldPresence field, ref GooseDecoded d)
    {
        if (e.Constructed)
        {
            d.Anomalies |= GooseAnomalies.InvalidString;
            return false;
        }
        var value = e.Content;
        if (value.Length > GooseConstants.MaxVisibleStringLength) d.Anomalies |= GooseAnomalies.StringTooLong;
        foreach (byte b in value)
        {
            if (b is < 0x20 or > 0x7E)
            {
                d.Anomalies |= GooseAnomalies.InvalidString;
                break;
            }
        }
        d.Present |= field;
        return true;
    }

    /// <summary>
    /// INTEGER of at most 32 value bits (X.690 §8.3). stNum, sqNum, confRev and numDatSetEntries are INT32U in
    /// IEC 61850-7-2; a negative encoding is flagged and its octets kept as the unsigned value.
    /// </summary>
    private static uint Integer(in BerElement e, GooseFieldPresence field, ref GooseDecoded d)
    {
        var content = e.Content;
        if (e.Constructed || content.IsEmpty || content.Length > 5 || (content.Length == 5 && content[0] != 0))
        {
            d.Anomalies |= GooseAnomalies.InvalidInteger;
            return 0;
        }
        if (content.Length < 5 && (content[0] & 0x80) != 0) d.Anomalies |= GooseAnomalies.InvalidInteger;
        uint value = 0;
        foreach (byte b in content) value = (value << 8) | b;
        d.Present |= field;
        return value;
    }

    private static bool Boolean(in BerElement e, GooseFieldPresence field, ref GooseDecoded d)
    {
        if (e.Constructed || e.Content.Length != 1)
        {
            d.Anomalies |= GooseAnomalies.InvalidBoolean;
            return false;
        }
        d.Present |= field;
        return e.Content[0] != 0;
    }

    /// <summary>UtcTime (IEC 61850-8-1 §8.1.3.7): SecondSinceEpoch (4), FractionOfSecond (3, units of 2^-24 s), TimeQuality (1).</summary>
    private static void UtcTime(in BerElement e, ref GooseDecoded d)
    {
        var t = e.Content;
        if (e.Constructed || t.Length != GooseConstants.UtcTimeLength)
        {
            d.Anomalies |= GooseAnomalies.InvalidUtcTime;
            return;
        }
        d.TimeSeconds = BinaryPrimitives.ReadUInt32BigEndian(t);
        d.TimeFraction = (uint)((t[4] << 16) | (t[5] << 8) | t[6]);
        d.TimeQuality = t[7];
        d.Present |= GooseFieldPresence.Time;
    }

    /// <summary>Counts the Data elements of allData at its top level; nested arrays and structures are not entered.</summary>
    private static void AllData(in BerElement e, ref GooseDecoded d)
    {
        if (!e.Constructed)
        {
            d.Anomalies |= GooseAnomalies.InvalidAllData;
            return;
        }
        var reader = new BerReader(e.Content);
        int count = 0;
        while (reader.TryRead(out _)) count++;
        if (reader.Failed)
        {
            d.Anomalies |= GooseAnomalies.InvalidAllData;
            if (reader.SawIndefiniteLength) d.Anomalies |= GooseAnomalies.IndefiniteLength;
        }
        d.AllData = e.Content;
        d.Entries = count;
        d.Present |= GooseFieldPresence.AllData;
    }
}
