using System.Buffers.Binary;
using OtSensor.Protocols.Ber;

namespace OtSensor.Protocols.SampledValues;

/// <summary>
/// Decodes one Sampled Values frame payload (the bytes after the EtherType) in place: the 8-octet header, the savPdu,
/// the ASDU count and the fields of the first ASDU. Never throws, never allocates.
/// </summary>
/// <remarks>
/// <code>
///  40 00 | 00 38 | 00 00 | 00 00 | 60 2e | 80 01 01 | a2 29 | 30 27 | 80 06 "MU0101" | 82 02 0f a0 | ...
///  APPID   Length  Res.1   Res.2   savPdu  noASDU     seqASDU  ASDU    svID [0]         smpCnt [2]
///
///  SavPdu ::= [APPLICATION 0] IMPLICIT SEQUENCE {                (IEC 61850-9-2, ASN.1 of the SV APDU)
///    noASDU [0] INTEGER (1..65535), security [1] ANY OPTIONAL, asdu [2] SEQUENCE OF ASDU }
///  ASDU ::= SEQUENCE { svID [0] VisibleString, datSet [1] VisibleString OPTIONAL, smpCnt [2] OCTET STRING (2),
///    confRev [3] OCTET STRING (4), refrTm [4] UtcTime OPTIONAL, smpSynch [5] OCTET STRING (1),
///    smpRate [6] OCTET STRING (2) OPTIONAL, sample [7] OCTET STRING, smpMod [8] OCTET STRING (2) OPTIONAL,
///    gmIdentity [9] OCTET STRING (8) OPTIONAL }
/// </code>
/// Only the first ASDU is decoded field by field (a merging unit repeats the same svID in every ASDU); the others
/// are counted. The sample values are not decoded: their layout comes from the data set, not the wire.
/// </remarks>
public static class SampledValuesParser
{
    private const int MaxAsduFieldTag = 9;

    /// <summary>Decodes <paramref name="payload"/> into a message borrowing it.</summary>
    /// <returns>False only when fewer than the 8 header octets are present.</returns>
    public static bool TryParse(ReadOnlySpan<byte> payload, out SampledValuesMessage message)
    {
        if (!TryDecode(payload, out var d))
        {
            message = default;
            return false;
        }
        message = new SampledValuesMessage(d);
        return true;
    }

    internal static bool TryDecode(ReadOnlySpan<byte> payload, out SampledValuesDecoded d)
    {
        d = default;
        if (payload.Length < SampledValuesConstants.HeaderLength) return false;
        d.AppId = BinaryPrimitives.ReadUInt16BigEndian(payload);
        d.LengthField = BinaryPrimitives.ReadUInt16BigEndian(payload[2..]);
        d.Reserved1 = BinaryPrimitives.ReadUInt16BigEndian(payload[4..]);
        d.Reserved2 = BinaryPrimitives.ReadUInt16BigEndian(payload[6..]);
        if (d.AppId is < SampledValuesConstants.AppIdMin or > SampledValuesConstants.AppIdMax) d.Anomalies |= SampledValuesAnomalies.AppIdOutOfRange;

        // As for GOOSE: the APDU ends at Length, Ethernet padding follows; an impossible Length leaves the frame as the bound.
        ReadOnlySpan<byte> apdu;
        bool lengthTrusted = false;
        if (d.LengthField < SampledValuesConstants.HeaderLength)
        {
            d.Anomalies |= SampledValuesAnomalies.InvalidLength;
            apdu = payload[SampledValuesConstants.HeaderLength..];
        }
        else if (d.LengthField > payload.Length)
        {
            d.Anomalies |= SampledValuesAnomalies.LengthExceedsFrame;
            apdu = payload[SampledValuesConstants.HeaderLength..];
        }
        else
        {
            apdu = payload[SampledValuesConstants.HeaderLength..d.LengthField];
            lengthTrusted = true;
        }

        if (!BerReader.TryReadHeader(apdu, out byte identifier, out int length, out int headerLength))
        {
            d.Anomalies |= SampledValuesAnomalies.MissingField
                | (apdu.Length < 2 ? SampledValuesAnomalies.TruncatedPdu : SampledValuesAnomalies.MalformedBer);
            if (apdu.Length >= 2 && apdu[1] == 0x80) d.Anomalies |= SampledValuesAnomalies.IndefiniteLength;
            return true;
        }
        if (identifier != SampledValuesConstants.SavPduTag)
        {
            d.Anomalies |= SampledValuesAnomalies.UnknownPduTag;
            return true;
        }
        var content = apdu[headerLength..];
        if ((uint)length > (uint)content.Length)
        {
            d.Anomalies |= SampledValuesAnomalies.TruncatedPdu;
        }
        else
        {
            if (lengthTrusted && length < content.Length) d.Anomalies |= SampledValuesAnomalies.TrailingBytes;
            content = content[..length];
        }
        SavPdu(content, ref d);
        return true;
    }

    private static void SavPdu(ReadOnlySpan<byte> content, ref SampledValuesDecoded d)
    {
        var reader = new BerReader(content);
        while (reader.TryRead(out var e))
        {
            if (e.IsContext(0) && !e.Constructed)
            {
                if (e.Content.Length is >= 1 and <= 2 && (e.Content[0] & 0x80) == 0)
                {
                    d.NoAsdu = e.Content.Length == 1 ? e.Content[0] : BinaryPrimitives.ReadUInt16BigEndian(e.Content);
                    d.Present |= SampledValuesFieldPresence.NoAsdu;
                }
                else
                {
                    d.Anomalies |= SampledValuesAnomalies.InvalidField;
                }
            }
            else if (e.IsContext(1))
            {
                // security: ANY OPTIONAL, reserved for future definition.
            }
            else if (e.IsContext(2) && e.Constructed)
            {
                d.Present |= SampledValuesFieldPresence.SeqAsdu;
                SeqAsdu(e.Content, ref d);
            }
            else
            {
                d.Anomalies |= SampledValuesAnomalies.UnknownField;
            }
        }
        Flag(in reader, ref d);
        if (!d.Has(SampledValuesFieldPresence.NoAsdu) || !d.Has(SampledValuesFieldPresence.SeqAsdu)) d.Anomalies |= SampledValuesAnomalies.MissingField;
        else if (d.NoAsdu != (uint)d.Asdus) d.Anomalies |= SampledValuesAnomalies.AsduCountMismatch;
    }

    private static void SeqAsdu(ReadOnlySpan<byte> content, ref SampledValuesDecoded d)
    {
        var reader = new BerReader(content);
        while (reader.TryRead(out var asdu))
        {
            if (asdu.TagClass != BerElement.ClassUniversal || asdu.Number != 16 || !asdu.Constructed)
            {
                d.Anomalies |= SampledValuesAnomalies.InvalidAsdu;
                continue;
            }
            if (d.Asdus++ == 0) FirstAsdu(asdu.Content, ref d);
        }
        Flag(in reader, ref d);
        if (d.Asdus > 0 && !d.Has(SampledValuesFieldPresence.MandatoryAsdu)) d.Anomalies |= SampledValuesAnomalies.MissingField;
    }

    private static void FirstAsdu(ReadOnlySpan<byte> content, ref SampledValuesDecoded d)
    {
        var reader = new BerReader(content);
        while (reader.TryRead(out var e))
        {
            if (e.TagClass != BerElement.ClassContext || e.Number > MaxAsduFieldTag)
            {
                d.Anomalies |= SampledValuesAnomalies.UnknownField;
                continue;
            }
            if (e.Constructed)
            {
                d.Anomalies |= e.Number <= 1 ? SampledValuesAnomalies.InvalidString : SampledValuesAnomalies.InvalidField;
                continue;
            }
            var v = e.Content;
            switch (e.Number)
            {
                case 0:
                    VisibleString(v, SampledValuesFieldPresence.SvId, ref d);
                    d.SvId = v;
                    break;
                case 1:
                    VisibleString(v, SampledValuesFieldPresence.DatSet, ref d);
                    d.DatSet = v;
                    break;
                case 2:
                    if (Sized(v, 2, SampledValuesFieldPresence.SmpCnt, ref d)) d.SmpCnt = BinaryPrimitives.ReadUInt16BigEndian(v);
                    break;
                case 3:
                    if (Sized(v, 4, SampledValuesFieldPresence.ConfRev, ref d)) d.ConfRev = BinaryPrimitives.ReadUInt32BigEndian(v);
                    break;
                case 4:
                    if (Sized(v, 8, SampledValuesFieldPresence.RefrTm, ref d))
                    {
                        d.RefrTmSeconds = BinaryPrimitives.ReadUInt32BigEndian(v);
                        d.RefrTmFraction = (uint)((v[4] << 16) | (v[5] << 8) | v[6]);
                    }
                    break;
                case 5:
                    if (Sized(v, 1, SampledValuesFieldPresence.SmpSynch, ref d)) d.SmpSynch = v[0];
                    break;
                case 6:
                    if (Sized(v, 2, SampledValuesFieldPresence.SmpRate, ref d)) d.SmpRate = BinaryPrimitives.ReadUInt16BigEndian(v);
                    break;
                case 7:
                    d.Sample = v;
                    d.Present |= SampledValuesFieldPresence.Sample;
                    break;
                default:
                    break; // smpMod [8], gmIdentity [9]: recognised, not reported.
            }
        }
        Flag(in reader, ref d);
    }

    private static bool Sized(ReadOnlySpan<byte> value, int size, SampledValuesFieldPresence field, ref SampledValuesDecoded d)
    {
        if (value.Length != size)
        {
            d.Anomalies |= SampledValuesAnomalies.InvalidField;
            return false;
        }
        d.Present |= field;
        return true;
    }

    private static void VisibleString(ReadOnlySpan<byte> value, SampledValuesFieldPresence field, ref SampledValuesDecoded d)
    {
        if (value.Length > SampledValuesConstants.MaxVisibleStringLength) d.Anomalies |= SampledValuesAnomalies.InvalidString;
        foreach (byte b in value)
        {
            if (b is < 0x20 or > 0x7E)
            {
                d.Anomalies |= SampledValuesAnomalies.InvalidString;
                break;
            }
        }
        d.Present |= field;
    }

    private static void Flag(in BerReader reader, ref SampledValuesDecoded d)
    {
        if (!reader.Failed) return;
        d.Anomalies |= SampledValuesAnomalies.MalformedBer;
        if (reader.SawIndefiniteLength) d.Anomalies |= SampledValuesAnomalies.IndefiniteLength;
    }
}
