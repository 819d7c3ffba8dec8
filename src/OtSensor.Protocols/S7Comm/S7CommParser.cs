using System.Buffers.Binary;

namespace OtSensor.Protocols.S7Comm;

/// <summary>Parses one S7comm PDU (a whole COTP TSDU starting with 0x32). Never throws, never allocates.</summary>
/// <remarks>
/// S7comm is proprietary (Siemens); the layout is from public reverse engineering (Snap7 documentation,
/// "S7comm" wiki pages, and the captures in this repository), cited here as facts only.
/// <code>
/// Header (10 bytes; 12 for Ack and Ack-Data):
/// +------+--------+-------------+---------+-----------+----------+[---------+---------]
/// | 0x32 | ROSCTR | redundancy  | PDU ref | param len | data len | err class| err code|
/// +------+--------+-------------+---------+-----------+----------+[---------+---------]
///   1       1          2            2          2           2          1         1
/// then parameters (param len bytes), then data (data len bytes).
///
/// Job / Ack-Data parameters: function(1) ...
///   Read/Write Var  : function, item count, items: 0x12, spec len, syntax id (0x10 S7ANY),
///                     transport size(1), length(2), DB(2), area(1), bit address(3)
///   Setup comm.     : 0xF0, reserved, max AmQ calling(2), max AmQ called(2), PDU length(2)
///   Download/Upload : function, status, 2 unknown, upload id(4), file name length(1), "_0A00001P"
///   PI service      : 0x28, 7 unknown, param block length(2), param block, name length(1), "P_PROGRAM"
///   PLC stop        : 0x29, 5 unknown, name length(1), "P_PROGRAM"
/// Userdata parameters: 00 01 12, param len (4|8), method (0x11 req / 0x12 resp),
///                      type(4 bits: 0 push, 4 request, 8 response) | group(4 bits), subfunction, sequence,
///                      [data unit ref, last data unit, error code(2)]
/// Userdata data      : return code, transport size, length(2), payload (SZL: id(2), index(2), record len(2), count(2), records)
/// </code>
/// </remarks>
public static class S7CommParser
{
    /// <param name="pdu">One TSDU starting with 0x32.</param>
    /// <param name="szlContinuation">True when the previous SZL response in this direction announced more data
    /// units: this PDU's data continues those records and carries no SZL header.</param>
    public static S7CommMessage Parse(ReadOnlySpan<byte> pdu, bool szlContinuation = false)
    {
        Parse(pdu, szlContinuation, out var message);
        return message;
    }

    /// <summary>The same, built in place in the caller's <paramref name="message"/> (the sessions' hot path: src/OtSensor.Protocols/README.md).</summary>
    internal static void Parse(ReadOnlySpan<byte> pdu, bool szlContinuation, out S7CommMessage message)
    {
        message = new S7CommMessage(pdu);
        ref S7CommDecoded d = ref message.Fields;
        d.Function = -1;
        d.DataReturnCode = -1;
        if (pdu.Length < S7CommConstants.ShortHeaderLength)
        {
            d.Anomalies = S7CommAnomalies.TruncatedHeader;
            if (pdu.Length >= 2) d.Rosctr = pdu[1];
            return;
        }
        d.Rosctr = pdu[1];
        d.RedundancyId = BinaryPrimitives.ReadUInt16BigEndian(pdu[2..]);
        d.PduReference = BinaryPrimitives.ReadUInt16BigEndian(pdu[4..]);
        d.ParameterLength = BinaryPrimitives.ReadUInt16BigEndian(pdu[6..]);
        d.DataLength = BinaryPrimitives.ReadUInt16BigEndian(pdu[8..]);
        var rosctr = (S7CommRosctr)d.Rosctr;
        d.HeaderLength = S7CommConstants.ShortHeaderLength;
        if (rosctr is S7CommRosctr.Ack or S7CommRosctr.AckData)
        {
            if (pdu.Length < S7CommConstants.LongHeaderLength)
            {
                d.Anomalies = S7CommAnomalies.TruncatedHeader;
                return;
            }
            d.HasErrorFields = true;
            d.ErrorClass = pdu[10];
            d.ErrorCode = pdu[11];
            d.HeaderLength = S7CommConstants.LongHeaderLength;
        }

        int available = pdu.Length - d.HeaderLength;
        int paramLength = d.ParameterLength;
        int dataLength = d.DataLength;
        if (paramLength > available)
        {
            d.Anomalies |= S7CommAnomalies.LengthOverrun;
            paramLength = available;
            dataLength = 0;
        }
        else if (dataLength > available - paramLength)
        {
            d.Anomalies |= S7CommAnomalies.LengthOverrun;
            dataLength = available - paramLength;
        }
        else if (paramLength + dataLength < available)
        {
            d.Anomalies |= S7CommAnomalies.TrailingBytes;
        }
        int paramOffset = d.HeaderLength;
        var parameters = pdu.Slice(paramOffset, paramLength);
        var data = pdu.Slice(paramOffset + paramLength, dataLength);

        switch (rosctr)
        {
            case S7CommRosctr.Job:
            case S7CommRosctr.AckData:
                d.IsResponse = rosctr == S7CommRosctr.AckData;
                ParseFunction(parameters, data, paramOffset, ref d);
                break;
            case S7CommRosctr.Ack:
                d.IsResponse = true;
                if (paramLength != 0 || dataLength != 0) d.Anomalies |= S7CommAnomalies.UnexpectedPayload;
                break;
            case S7CommRosctr.Userdata:
                d.IsUserdata = true;
                ParseUserdata(parameters, data, paramOffset + paramLength, szlContinuation, ref d);
                break;
            default:
                d.Anomalies |= S7CommAnomalies.UnknownRosctr;
                break;
        }
        d.Operation = S7CommOperations.Of(pdu, in d);
        return;
    }

    private static void ParseFunction(ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> data, int paramOffset, ref S7CommDecoded d)
    {
        if (parameters.IsEmpty)
        {
            d.Anomalies |= S7CommAnomalies.TruncatedParameter;
            return;
        }
        d.Function = parameters[0];
        switch ((S7CommFunctionCode)d.Function)
        {
            case S7CommFunctionCode.ReadVar:
            case S7CommFunctionCode.WriteVar:
                ParseItems(parameters, data, paramOffset, ref d);
                break;
            case S7CommFunctionCode.SetupCommunication:
                if (parameters.Length < 8)
                {
                    d.Anomalies |= S7CommAnomalies.TruncatedParameter;
                    break;
                }
                d.MaxAmqCalling = BinaryPrimitives.ReadUInt16BigEndian(parameters[2..]);
                d.MaxAmqCalled = BinaryPrimitives.ReadUInt16BigEndian(parameters[4..]);
                d.PduLength = BinaryPrimitives.ReadUInt16BigEndian(parameters[6..]);
                break;
            case S7CommFunctionCode.RequestDownload:
            case S7CommFunctionCode.DownloadBlock:
            case S7CommFunctionCode.DownloadEnded:
            case S7CommFunctionCode.StartUpload:
                // Requests name the block file at offset 8; responses (and Download ended) carry none or a length string.
                if (d.IsResponse || parameters.Length <= 8) break;
                ReadName(parameters, 8, paramOffset, ref d);
                break;
            case S7CommFunctionCode.Upload:
            case S7CommFunctionCode.EndUpload:
            case S7CommFunctionCode.CpuServices:
                break;
            case S7CommFunctionCode.PiService:
                if (d.IsResponse) break;
                if (parameters.Length < 10)
                {
                    d.Anomalies |= S7CommAnomalies.TruncatedParameter;
                    break;
                }
                int blockLength = BinaryPrimitives.ReadUInt16BigEndian(parameters[8..]);
                if ((uint)blockLength > (uint)(parameters.Length - 10))
                {
                    d.Anomalies |= S7CommAnomalies.TruncatedName;
                    break;
                }
                d.PiParameterOffset = paramOffset + 10;
                d.PiParameterLength = blockLength;
                ReadName(parameters, 10 + blockLength, paramOffset, ref d);
                break;
            case S7CommFunctionCode.PlcStop:
                if (d.IsResponse) break;
                ReadName(parameters, 6, paramOffset, ref d);
                break;
            default:
                d.Anomalies |= S7CommAnomalies.UnknownFunction;
                break;
        }
    }

    /// <summary>A length-prefixed name at <paramref name="at"/> inside the parameters.</summary>
    private static void ReadName(ReadOnlySpan<byte> parameters, int at, int paramOffset, ref S7CommDecoded d)
    {
        if (at >= parameters.Length)
        {
            d.Anomalies |= S7CommAnomalies.TruncatedName;
            return;
        }
        int length = parameters[at];
        if ((uint)length > (uint)(parameters.Length - at - 1))
        {
            d.Anomalies |= S7CommAnomalies.TruncatedName;
            return;
        }
        d.NameOffset = paramOffset + at + 1;
        d.NameLength = length;
    }

    /// <summary>Read/write var: the item count and the item specifications (requests) are checked one by one.</summary>
    private static void ParseItems(ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> data, int paramOffset, ref S7CommDecoded d)
    {
        if (parameters.Length < 2)
        {
            d.Anomalies |= S7CommAnomalies.TruncatedParameter;
            return;
        }
        d.ItemCount = parameters[1];
        d.ItemsOffset = paramOffset + 2;
        d.ItemsLength = parameters.Length - 2;
        if (d.ItemCount == 0) d.Anomalies |= S7CommAnomalies.InvalidItemCount;
        if (!d.IsResponse)
        {
            var items = new S7CommItemReader(parameters[2..]);
            int seen = 0;
            while (items.TryRead(out _)) seen++;
            if (items.Malformed || seen != d.ItemCount) d.Anomalies |= S7CommAnomalies.MalformedItem;
        }
        // Data items (write request, read response): return code, transport size, length, value, pad to even.
        bool hasDataItems = d.Function == (int)S7CommFunctionCode.WriteVar ? !d.IsResponse : d.IsResponse;
        if (hasDataItems)
        {
            int offset = 0;
            for (int i = 0; i < d.ItemCount; i++)
            {
                if (data.Length - offset < S7CommConstants.DataHeaderLength)
                {
                    // A failed read item may end the data after its return code alone.
                    if (data.Length - offset >= 1 && data[offset] != S7CommConstants.ReturnCodeSuccess && i == d.ItemCount - 1) break;
                    d.Anomalies |= S7CommAnomalies.TruncatedData;
                    return;
                }
                int length = S7CommItemReader.DataLengthInBytes(data[offset + 1], BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 2)..]));
                int next = offset + S7CommConstants.DataHeaderLength + length;
                if (next > data.Length)
                {
                    d.Anomalies |= S7CommAnomalies.TruncatedData;
                    return;
                }
                if ((length & 1) != 0 && i < d.ItemCount - 1) next++; // fill byte after odd-length values
                offset = next;
            }
        }
        else if (d.Function == (int)S7CommFunctionCode.WriteVar && data.Length < d.ItemCount)
        {
            d.Anomalies |= S7CommAnomalies.TruncatedData; // one return code per item
        }
    }

    private static void ParseUserdata(ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> data, int dataOffset, bool szlContinuation, ref S7CommDecoded d)
    {
        // S7-300 CPUs push mode transitions (STOP, RUN) with the head 01 00 10 and a different length byte; the
        // method, type/group and subfunction bytes sit at the same offsets, so both forms are read alike.
        bool standardHead = parameters.Length >= 8 && parameters[0] == 0x00 && parameters[1] == 0x01 && parameters[2] == 0x12
            && (parameters[3] == 4 || parameters[3] == 8) && parameters[3] <= parameters.Length - 4;
        bool modeTransitionHead = parameters.Length == 8 && parameters[0] == 0x01 && parameters[1] == 0x00 && parameters[2] == 0x10;
        if (!standardHead && !modeTransitionHead)
        {
            d.Anomalies |= S7CommAnomalies.InvalidUserdataHead;
            if (parameters.Length < 8) return;
        }
        d.UserdataMethod = parameters[4];
        d.UserdataType = (byte)(parameters[5] >> 4);
        d.UserdataGroup = (byte)(parameters[5] & 0x0F);
        d.UserdataSubfunction = parameters[6];
        d.UserdataSequence = parameters[7];
        d.IsResponse = d.UserdataType != S7CommConstants.UserdataTypeRequest;
        if (standardHead && parameters.Length >= 12 && parameters[3] == 8)
        {
            d.HasUserdataExtension = true;
            d.DataUnitReference = parameters[8];
            d.LastDataUnit = parameters[9];
            d.UserdataErrorCode = BinaryPrimitives.ReadUInt16BigEndian(parameters[10..]);
        }
        if (S7CommNames.UserdataGroup(d.UserdataGroup) is null) d.Anomalies |= S7CommAnomalies.UnknownUserdataGroup;
        if (data.IsEmpty) return;
        if (data.Length < S7CommConstants.DataHeaderLength)
        {
            d.Anomalies |= S7CommAnomalies.TruncatedData;
            return;
        }
        d.DataReturnCode = data[0];
        int length = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
        if (length > data.Length - S7CommConstants.DataHeaderLength)
        {
            d.Anomalies |= S7CommAnomalies.TruncatedData;
            length = data.Length - S7CommConstants.DataHeaderLength;
        }
        d.UserdataPayloadOffset = dataOffset + S7CommConstants.DataHeaderLength;
        d.UserdataPayloadLength = length;
        if (d.UserdataGroup == (byte)S7CommUserdataGroup.CpuFunctions && d.UserdataSubfunction == S7CommConstants.SubfunctionReadSzl
            && d.DataReturnCode == S7CommConstants.ReturnCodeSuccess)
        {
            ParseSzl(data.Slice(S7CommConstants.DataHeaderLength, length), dataOffset + S7CommConstants.DataHeaderLength, szlContinuation, ref d);
        }
    }

    /// <summary>
    /// The SZL of a reassembled answer: <paramref name="whole"/> is the data of all its units back to back (the first
    /// unit's SZL header, then every record). Replaces the SZL fields of the last unit's <paramref name="d"/>;
    /// record offsets then point into <paramref name="whole"/>.
    /// </summary>
    internal static void ParseReassembledSzl(ReadOnlySpan<byte> whole, ref S7CommDecoded d)
    {
        d.HasSzl = false;
        d.SzlRecordsOffset = 0;
        d.SzlRecordsLength = 0;
        if (d.UserdataGroup != (byte)S7CommUserdataGroup.CpuFunctions || d.UserdataSubfunction != S7CommConstants.SubfunctionReadSzl
            || d.DataReturnCode != S7CommConstants.ReturnCodeSuccess || !d.IsResponse)
        {
            return;
        }
        ParseSzl(whole, 0, continuation: false, ref d);
    }

    private static void ParseSzl(ReadOnlySpan<byte> szl, int offset, bool continuation, ref S7CommDecoded d)
    {
        if (!d.IsResponse)
        {
            if (szl.Length < 4) return;
            d.HasSzl = true;
            d.SzlId = BinaryPrimitives.ReadUInt16BigEndian(szl);
            d.SzlIndex = BinaryPrimitives.ReadUInt16BigEndian(szl[2..]);
            return;
        }
        if (continuation) return; // records continue the previous data unit; their header is not here
        if (szl.Length < S7CommConstants.SzlHeaderLength)
        {
            d.Anomalies |= S7CommAnomalies.TruncatedSzl;
            return;
        }
        d.HasSzl = true;
        d.SzlId = BinaryPrimitives.ReadUInt16BigEndian(szl);
        d.SzlIndex = BinaryPrimitives.ReadUInt16BigEndian(szl[2..]);
        d.SzlRecordLength = BinaryPrimitives.ReadUInt16BigEndian(szl[4..]);
        d.SzlRecordCount = BinaryPrimitives.ReadUInt16BigEndian(szl[6..]);
        d.SzlRecordsOffset = offset + S7CommConstants.SzlHeaderLength;
        d.SzlRecordsLength = szl.Length - S7CommConstants.SzlHeaderLength;
        // Records may continue in later data units (last data unit = 1); only a shortfall in the last is an anomaly.
        long announced = (long)d.SzlRecordLength * d.SzlRecordCount;
        bool more = d.HasUserdataExtension && d.LastDataUnit != 0;
        bool headerOnly = ((d.SzlId >> 8) & 0x0F) == S7CommConstants.SzlHeaderOnlyExtract; // 0x0Fxx: count only, no records
        if (!more && !headerOnly && announced > d.SzlRecordsLength) d.Anomalies |= S7CommAnomalies.TruncatedSzl;
    }
}
