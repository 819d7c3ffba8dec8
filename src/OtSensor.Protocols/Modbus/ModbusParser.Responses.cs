using OtSensor.Core.Buffers;

namespace OtSensor.Protocols.Modbus;

/// <summary>Response PDUs (server to client), one case per function code.</summary>
/// <remarks>
/// <code>
///  FC      response data after the function code                         spec
///  FC|0x80 exceptionCode(1)                                              §7
///  1, 2    byteCount(1 = ceil(q/8)) bits                                 §6.1, §6.2
///  3, 4    byteCount(1 = 2q) registers                                   §6.3, §6.4
///  5, 6    address(2) value(2): echo of the request                      §6.5, §6.6
///  7       outputData(1)                                                 §6.7
///  8       sub-function(2) data: echo                                    §6.8
///  11      status(2) eventCount(2)                                       §6.9
///  12      byteCount(1) status(2) eventCount(2) messageCount(2) events(byteCount - 6)  §6.10
///  15, 16  address(2) quantity(2)                                        §6.11, §6.12
///  17      byteCount(1) serverId, runIndicator, additional data (device specific)  §6.13
///  20      respDataLength(1: 7..245) { fileRespLength(1) refType(1)=6 data(fileRespLength - 1) }*  §6.14
///  21      echo of the request                                           §6.15
///  22      address(2) andMask(2) orMask(2): echo                         §6.16
///  23      byteCount(1 = 2 readQty) registers                            §6.17
///  24      byteCount(2) fifoCount(2: ≤ 31) registers(2 fifoCount)       §6.18
///  43/14   mei(1) readDevIdCode(1) conformity(1) moreFollows(1) nextObjectId(1) count(1) { id(1) len(1) value }*  §6.21
///  90      umasSession(1) status(1: 0xFE ok, 0xFD error) data            (Schneider UMAS)
/// </code>
/// When the request is known (<paramref name="paired"/>), byte counts are checked against its quantity.
/// </remarks>
public static partial class ModbusParser
{
    private static void ParseResponse(ref ModbusDecoded d, ref SpanReader r, in ModbusRequestContext request, bool paired)
    {
        if ((d.FunctionRaw & ModbusConstants.ExceptionBit) != 0)
        {
            if (ReadU8(ref d, ref r, out d.ExceptionCode) && ModbusNames.Exception(d.ExceptionCode) is null)
                d.Anomalies |= ModbusAnomalies.UnknownExceptionCode;
            if (ModbusNames.Function(d.FunctionRaw) is null) d.Anomalies |= ModbusAnomalies.UnknownFunction;
            Finish(ref d, ref r);
            return;
        }

        bool quantityKnown = paired && request.Function == d.FunctionRaw && request.Quantity is not null;
        int quantity = request.Quantity ?? 0;
        switch ((ModbusFunctionCode)d.FunctionRaw)
        {
            case ModbusFunctionCode.ReadCoils or ModbusFunctionCode.ReadDiscreteInputs:
                if (!ReadByteCount(ref d, ref r)) break;
                if (d.ByteCount == 0) d.Anomalies |= ModbusAnomalies.ByteCountOutOfRange;
                if (quantityKnown && d.ByteCount != (quantity + 7) / 8) d.Anomalies |= ModbusAnomalies.ByteCountQuantityMismatch;
                TakeCounted(ref d, ref r, d.ByteCount);
                break;
            case ModbusFunctionCode.ReadHoldingRegisters or ModbusFunctionCode.ReadInputRegisters
                or ModbusFunctionCode.ReadWriteMultipleRegisters:
                if (!ReadByteCount(ref d, ref r)) break;
                if (d.ByteCount == 0 || d.ByteCount > 2 * ModbusConstants.MaxReadRegisters) d.Anomalies |= ModbusAnomalies.ByteCountOutOfRange;
                if (quantityKnown ? d.ByteCount != 2 * quantity : (d.ByteCount & 1) != 0)
                    d.Anomalies |= ModbusAnomalies.ByteCountQuantityMismatch;
                TakeCounted(ref d, ref r, d.ByteCount);
                break;
            case ModbusFunctionCode.WriteSingleCoil:
                ParseSingleCoil(ref d, ref r);
                break;
            case ModbusFunctionCode.WriteSingleRegister:
                if (ReadAddress(ref d, ref r)) ReadValue(ref d, ref r);
                break;
            case ModbusFunctionCode.ReadExceptionStatus:
                if (ReadU8(ref d, ref r, out byte outputs))
                {
                    d.Value = outputs;
                    d.Present |= ModbusFieldPresence.OutputData;
                }
                break;
            case ModbusFunctionCode.Diagnostics:
                ReadSubFunction(ref d, ref r);
                break;
            case ModbusFunctionCode.GetCommEventCounter:
                if (ReadU16(ref d, ref r, out d.Status) && ReadU16(ref d, ref r, out d.EventCount))
                    d.Present |= ModbusFieldPresence.EventCounter;
                break;
            case ModbusFunctionCode.GetCommEventLog:
                ParseEventLog(ref d, ref r);
                break;
            case ModbusFunctionCode.WriteMultipleCoils:
                if (ReadAddress(ref d, ref r)) ReadQuantity(ref d, ref r, ModbusConstants.MaxWriteCoils);
                break;
            case ModbusFunctionCode.WriteMultipleRegisters:
                if (ReadAddress(ref d, ref r)) ReadQuantity(ref d, ref r, ModbusConstants.MaxWriteRegisters);
                break;
            case ModbusFunctionCode.ReportServerId:
                if (!ReadByteCount(ref d, ref r)) break;
                if (d.ByteCount == 0) d.Anomalies |= ModbusAnomalies.ByteCountOutOfRange;
                TakeCounted(ref d, ref r, d.ByteCount);
                d.Present |= ModbusFieldPresence.ServerId;
                break;
            case ModbusFunctionCode.ReadFileRecord:
                ParseReadFileRecordResponse(ref d, ref r);
                break;
            case ModbusFunctionCode.WriteFileRecord:
                ParseFileRecords(ref d, ref r, withData: true);
                break;
            case ModbusFunctionCode.MaskWriteRegister:
                ParseMaskWrite(ref d, ref r);
                break;
            case ModbusFunctionCode.ReadFifoQueue:
                ParseFifoResponse(ref d, ref r);
                break;
            case ModbusFunctionCode.EncapsulatedInterfaceTransport:
                ReadMei(ref d, ref r);
                if (!d.Has(ModbusFieldPresence.Mei)) break;
                if (d.MeiType == ModbusConstants.MeiReadDeviceIdentification) ParseDeviceIdResponse(ref d, ref r);
                else TakeRest(ref d, ref r);
                break;
            case ModbusFunctionCode.Umas:
                ReadUmasHeader(ref d, ref r, isResponse: true);
                break;
            default:
                if (!ModbusNames.IsUserDefined(d.FunctionRaw)) d.Anomalies |= ModbusAnomalies.UnknownFunction;
                TakeRest(ref d, ref r);
                break;
        }

        Finish(ref d, ref r);
    }

    private static void ParseEventLog(ref ModbusDecoded d, ref SpanReader r)
    {
        if (!ReadByteCount(ref d, ref r)) return;
        if (d.ByteCount < 6) d.Anomalies |= ModbusAnomalies.ByteCountOutOfRange;
        if (d.ByteCount != r.Remaining) d.Anomalies |= ModbusAnomalies.ByteCountLengthMismatch;
        if (!ReadU16(ref d, ref r, out d.Status) || !ReadU16(ref d, ref r, out d.EventCount) || !ReadU16(ref d, ref r, out d.MessageCount))
            return;
        d.Present |= ModbusFieldPresence.EventCounter | ModbusFieldPresence.EventLog;
        int events = Math.Max(0, d.ByteCount - 6);
        TakeData(ref d, ref r, Math.Min(events, r.Remaining));
        r.TrySkip(r.Remaining);
    }

    private static void ParseReadFileRecordResponse(ref ModbusDecoded d, ref SpanReader r)
    {
        if (!ReadByteCount(ref d, ref r)) return;
        if (d.ByteCount is < 0x07 or > 0xF5) d.Anomalies |= ModbusAnomalies.ByteCountOutOfRange;
        if (d.ByteCount != r.Remaining) d.Anomalies |= ModbusAnomalies.ByteCountLengthMismatch;
        int available = Math.Min(d.ByteCount, r.Remaining);
        var records = new SpanReader(r.UnreadSpan[..available]);
        d.DataOffset = r.Consumed;
        d.DataLength = available;
        d.Present |= ModbusFieldPresence.Data | ModbusFieldPresence.SubRequests;

        int count = 0;
        while (!records.End)
        {
            // fileRespLength counts the reference type and the record data.
            if (!records.TryReadByte(out byte length) || !records.TryReadByte(out byte referenceType))
            {
                d.Anomalies |= ModbusAnomalies.DataTooShort;
                break;
            }
            if (referenceType != ModbusConstants.FileRecordReferenceType) d.Anomalies |= ModbusAnomalies.InvalidReferenceType;
            count++;
            if (length == 0 || !records.TrySkip(length - 1))
            {
                d.Anomalies |= ModbusAnomalies.DataTooShort;
                break;
            }
        }

        d.SubRequestCount = (byte)count;
        r.TrySkip(r.Remaining);
    }

    private static void ParseFifoResponse(ref ModbusDecoded d, ref SpanReader r)
    {
        if (!ReadU16(ref d, ref r, out d.ByteCount)) return;
        d.Present |= ModbusFieldPresence.ByteCount;
        if (!ReadU16(ref d, ref r, out d.FifoCount)) return;
        d.Present |= ModbusFieldPresence.FifoCount;
        if (d.FifoCount > ModbusConstants.MaxFifoCount) d.Anomalies |= ModbusAnomalies.QuantityOutOfRange;
        if (d.ByteCount != 2 + (2 * d.FifoCount)) d.Anomalies |= ModbusAnomalies.ByteCountQuantityMismatch;
        // The byte count includes the 2-byte FIFO count already read.
        TakeCounted(ref d, ref r, Math.Max(0, d.ByteCount - 2));
    }

    private static void ParseDeviceIdResponse(ref ModbusDecoded d, ref SpanReader r)
    {
        if (!ReadU8(ref d, ref r, out d.ReadDeviceIdCode)
            || !ReadU8(ref d, ref r, out d.ConformityLevel)
            || !ReadU8(ref d, ref r, out d.MoreFollows)
            || !ReadU8(ref d, ref r, out d.NextObjectId)
            || !ReadU8(ref d, ref r, out d.NumberOfObjects))
        {
            return;
        }

        d.Present |= ModbusFieldPresence.DeviceIdResponse;
        CheckReadDeviceIdCode(ref d);
        if (d.MoreFollows is not (ModbusConstants.MoreFollowsNo or ModbusConstants.MoreFollowsYes))
            d.Anomalies |= ModbusAnomalies.InvalidMoreFollows;

        // Walk the announced objects once to validate them; the message re-reads them on demand.
        d.DataOffset = r.Consumed;
        int start = r.Consumed;
        for (int i = 0; i < d.NumberOfObjects; i++)
        {
            if (!r.TrySkip(1) || !r.TryReadByte(out byte length) || !r.TrySkip(length))
            {
                d.Anomalies |= ModbusAnomalies.DataTooShort;
                r.TrySkip(r.Remaining);
                break;
            }
        }
        d.DataLength = r.Consumed - start;
        d.Present |= ModbusFieldPresence.Data;
    }
}
