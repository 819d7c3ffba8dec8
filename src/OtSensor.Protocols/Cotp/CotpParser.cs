using System.Buffers.Binary;

namespace OtSensor.Protocols.Cotp;

/// <summary>Parses one COTP TPDU (the payload of one TPKT packet). Never throws, never allocates.</summary>
/// <remarks>
/// ISO 8073 / ITU-T X.224 §13 TPDU structure:
/// <code>
/// +----+------+---------------------------- ... --+------------ ...
/// | LI | code | fixed part | variable part (TLV)  | user data
/// +----+------+---------------------------- ... --+------------ ...
///  LI = header length without the LI byte (≤ 254)
///
/// CR/CC (§13.3/§13.4): code(E0/D0|CDT) DST-REF(2) SRC-REF(2) class/option(1) params: C0 TPDU size,
///                      C1 calling TSAP, C2 called TSAP, ...
/// DR    (§13.5):       code(80) DST-REF(2) SRC-REF(2) reason(1) params
/// DC    (§13.6):       code(C0) DST-REF(2) SRC-REF(2)
/// DT    (§13.7):       class 0/1: code(F0) EOT|NR(1)            (LI = 2, the RFC 1006 form)
///                      class 2-4: code(F0) DST-REF(2) EOT|NR(1)
/// ED    (§13.8):       code(10) DST-REF(2) EOT|NR(1)
/// AK    (§13.9):       code(60|CDT) DST-REF(2) YR-TU-NR(1)
/// EA    (§13.10):      code(20) DST-REF(2) YR-TU-NR(1)
/// RJ    (§13.11):      code(50|CDT) DST-REF(2) YR-TU-NR(1)
/// ER    (§13.12):      code(70) DST-REF(2) cause(1) params (C1 invalid TPDU)
/// </code>
/// </remarks>
public static class CotpParser
{
    public static CotpTpdu Parse(ReadOnlySpan<byte> tpdu)
    {
        var h = default(CotpHeader);
        if (tpdu.Length < 2)
        {
            h.Anomalies = CotpAnomalies.TruncatedHeader;
            return new CotpTpdu(tpdu, in h);
        }
        h.LengthIndicator = tpdu[0];
        h.Code = tpdu[1];
        int headerLength = h.LengthIndicator + 1;
        if (h.LengthIndicator == CotpConstants.ReservedLengthIndicator || h.LengthIndicator < 1 || headerLength > tpdu.Length)
        {
            h.Anomalies = CotpAnomalies.InvalidLengthIndicator;
            return new CotpTpdu(tpdu, in h);
        }
        h.HeaderLength = headerLength;
        var header = tpdu[..headerLength];
        var type = (CotpPduType)(h.Code >> 4);
        switch (type)
        {
            case CotpPduType.ConnectRequest:
            case CotpPduType.ConnectConfirm:
            case CotpPduType.DisconnectRequest:
                if (headerLength < CotpConstants.ConnectionFixedLength) return Truncated(tpdu, ref h);
                ReadReferences(header, ref h);
                h.ClassOrReason = header[6];
                ParseParameters(header, CotpConstants.ConnectionFixedLength, ref h);
                break;
            case CotpPduType.DisconnectConfirm:
                if (headerLength < 6) return Truncated(tpdu, ref h);
                ReadReferences(header, ref h);
                break;
            case CotpPduType.Data:
                if (headerLength == CotpConstants.ShortDataHeaderLength)
                {
                    ReadNumber(header[2], ref h);
                }
                else
                {
                    if (headerLength < 5) return Truncated(tpdu, ref h);
                    h.DestinationReference = BinaryPrimitives.ReadUInt16BigEndian(header[2..]);
                    ReadNumber(header[4], ref h);
                }
                break;
            case CotpPduType.ExpeditedData:
                if (headerLength < 5) return Truncated(tpdu, ref h);
                h.DestinationReference = BinaryPrimitives.ReadUInt16BigEndian(header[2..]);
                ReadNumber(header[4], ref h);
                break;
            case CotpPduType.DataAck:
            case CotpPduType.ExpeditedDataAck:
            case CotpPduType.Reject:
            case CotpPduType.TpduError:
                if (headerLength < 5) return Truncated(tpdu, ref h);
                h.DestinationReference = BinaryPrimitives.ReadUInt16BigEndian(header[2..]);
                if (type == CotpPduType.TpduError) h.ClassOrReason = header[4];
                else h.TpduNumber = (byte)(header[4] & 0x7F);
                if (headerLength < tpdu.Length) h.Anomalies |= CotpAnomalies.UnexpectedUserData;
                break;
            default:
                h.Anomalies |= CotpAnomalies.UnknownTpduType;
                return new CotpTpdu(tpdu, in h);
        }
        if (type is CotpPduType.ConnectConfirm or CotpPduType.DisconnectConfirm && headerLength < tpdu.Length
            && (h.ClassOrReason >> 4) == 0)
        {
            h.Anomalies |= CotpAnomalies.UnexpectedUserData; // class 0 forbids user data in CC (X.224 §13.4.4)
        }
        h.Valid = true;
        return new CotpTpdu(tpdu, in h);
    }

    private static CotpTpdu Truncated(ReadOnlySpan<byte> tpdu, scoped ref CotpHeader h)
    {
        h.Anomalies |= CotpAnomalies.TruncatedHeader;
        return new CotpTpdu(tpdu, in h);
    }

    private static void ReadReferences(ReadOnlySpan<byte> header, ref CotpHeader h)
    {
        h.DestinationReference = BinaryPrimitives.ReadUInt16BigEndian(header[2..]);
        h.SourceReference = BinaryPrimitives.ReadUInt16BigEndian(header[4..]);
    }

    private static void ReadNumber(byte value, ref CotpHeader h)
    {
        h.TpduNumber = (byte)(value & 0x7F);
        h.EndOfTsdu = (value & CotpConstants.EndOfTsduBit) != 0;
    }

    /// <summary>Walks the variable part: code(1) length(1) value(length), each bounded by the header.</summary>
    private static void ParseParameters(ReadOnlySpan<byte> header, int offset, ref CotpHeader h)
    {
        while (offset < header.Length)
        {
            if (header.Length - offset < 2)
            {
                h.Anomalies |= CotpAnomalies.TruncatedParameter;
                return;
            }
            byte code = header[offset];
            int length = header[offset + 1];
            int valueOffset = offset + 2;
            if ((uint)length > (uint)(header.Length - valueOffset))
            {
                h.Anomalies |= CotpAnomalies.TruncatedParameter;
                return;
            }
            switch (code)
            {
                case CotpConstants.ParamTpduSize:
                    if (length == 1)
                    {
                        h.TpduSizeCode = header[valueOffset];
                        if (h.TpduSizeCode is < CotpConstants.MinTpduSizeCode or > CotpConstants.MaxTpduSizeCode)
                            h.Anomalies |= CotpAnomalies.InvalidTpduSize;
                    }
                    else
                    {
                        h.Anomalies |= CotpAnomalies.InvalidTpduSize;
                    }
                    break;
                case CotpConstants.ParamCallingTsap:
                    if (length > CotpConstants.MaxTsapLength) h.Anomalies |= CotpAnomalies.OversizedTsap;
                    else (h.CallingTsapOffset, h.CallingTsapLength) = (valueOffset, length);
                    break;
                case CotpConstants.ParamCalledTsap:
                    if (length > CotpConstants.MaxTsapLength) h.Anomalies |= CotpAnomalies.OversizedTsap;
                    else (h.CalledTsapOffset, h.CalledTsapLength) = (valueOffset, length);
                    break;
            }
            offset = valueOffset + length;
        }
    }
}
