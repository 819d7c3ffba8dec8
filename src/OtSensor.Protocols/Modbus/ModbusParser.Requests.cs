using OtSensor.Core.Buffers;

namespace OtSensor.Protocols.Modbus;

/// <summary>Request PDUs (client to server), one case per function code.</summary>
/// <remarks>
/// <code>
///  FC      request data after the function code                          spec
///  1, 2    address(2) quantity(2: 1..2000)                               §6.1, §6.2
///  3, 4    address(2) quantity(2: 1..125)                                §6.3, §6.4
///  5       address(2) value(2: 0x0000 | 0xFF00)                          §6.5
///  6       address(2) value(2)                                           §6.6
///  7,11,12,17  (none)                                                    §6.7, §6.9, §6.10, §6.13
///  8       sub-function(2) data(2 per sub-function; N for 0x00)          §6.8
///  15      address(2) quantity(2: 1..1968) byteCount(1 = ceil(q/8)) bits §6.11
///  16      address(2) quantity(2: 1..123) byteCount(1 = 2q) registers    §6.12
///  20      byteCount(1: 7..245) { refType(1)=6 file(2) record(2) length(2) }*  §6.14
///  21      byteCount(1: 9..251) { refType(1)=6 file(2) record(2) length(2) data(2*length) }*  §6.15
///  22      address(2) andMask(2) orMask(2)                               §6.16
///  23      readAddr(2) readQty(2: 1..125) writeAddr(2) writeQty(2: 1..121) byteCount(1 = 2wq) registers  §6.17
///  24      fifoPointerAddress(2)                                         §6.18
///  43      meiType(1): 13 → CANopen data; 14 → readDevIdCode(1: 1..4) objectId(1)  §6.19–§6.21
///  90      umasSession(1) umasFunction(1) data                           (Schneider UMAS)
/// </code>
/// </remarks>
public static partial class ModbusParser
{
    private static void ParseRequest(ref ModbusDecoded d, ref SpanReader r)
    {
        if ((d.FunctionRaw & ModbusConstants.ExceptionBit) != 0)
        {
            d.Anomalies |= ModbusAnomalies.ExceptionBitInRequest;
            TakeRest(ref d, ref r);
            return;
        }

        switch ((ModbusFunctionCode)d.FunctionRaw)
        {
            case ModbusFunctionCode.ReadCoils or ModbusFunctionCode.ReadDiscreteInputs:
                if (ReadAddress(ref d, ref r)) ReadQuantity(ref d, ref r, ModbusConstants.MaxReadBits);
                break;
            case ModbusFunctionCode.ReadHoldingRegisters or ModbusFunctionCode.ReadInputRegisters:
                if (ReadAddress(ref d, ref r)) ReadQuantity(ref d, ref r, ModbusConstants.MaxReadRegisters);
                break;
            case ModbusFunctionCode.WriteSingleCoil:
                ParseSingleCoil(ref d, ref r);
                break;
            case ModbusFunctionCode.WriteSingleRegister:
                if (ReadAddress(ref d, ref r)) ReadValue(ref d, ref r);
                break;
            case ModbusFunctionCode.ReadExceptionStatus or ModbusFunctionCode.GetCommEventCounter
                or ModbusFunctionCode.GetCommEventLog or ModbusFunctionCode.ReportServerId:
                break;
            case ModbusFunctionCode.Diagnostics:
                ReadSubFunction(ref d, ref r);
                break;
            case ModbusFunctionCode.WriteMultipleCoils:
                if (ReadAddress(ref d, ref r) && ReadQuantity(ref d, ref r, ModbusConstants.MaxWriteCoils) && ReadByteCount(ref d, ref r))
                {
                    if (d.ByteCount != (d.Quantity + 7) / 8) d.Anomalies |= ModbusAnomalies.ByteCountQuantityMismatch;
                    TakeCounted(ref d, ref r, d.ByteCount);
                }
                break;
            case ModbusFunctionCode.WriteMultipleRegisters:
                if (ReadAddress(ref d, ref r) && ReadQuantity(ref d, ref r, ModbusConstants.MaxWriteRegisters) && ReadByteCount(ref d, ref r))
                {
                    if (d.ByteCount != 2 * d.Quantity) d.Anomalies |= ModbusAnomalies.ByteCountQuantityMismatch;
                    TakeCounted(ref d, ref r, d.ByteCount);
                }
                break;
            case ModbusFunctionCode.ReadFileRecord:
                ParseFileRecords(ref d, ref r, withData: false);
                break;
            case ModbusFunctionCode.WriteFileRecord:
                ParseFileRecords(ref d, ref r, withData: true);
                break;
            case ModbusFunctionCode.MaskWriteRegister:
                ParseMaskWrite(ref d, ref r);
                break;
            case ModbusFunctionCode.ReadWriteMultipleRegisters:
                ParseReadWriteRequest(ref d, ref r);
                break;
            case ModbusFunctionCode.ReadFifoQueue:
                ReadAddress(ref d, ref r);
                break;
            case ModbusFunctionCode.EncapsulatedInterfaceTransport:
                ReadMei(ref d, ref r);
                if (!d.Has(ModbusFieldPresence.Mei)) break;
                if (d.MeiType == ModbusConstants.MeiReadDeviceIdentification)
                {
                    if (ReadU8(ref d, ref r, out d.ReadDeviceIdCode) && ReadU8(ref d, ref r, out d.ObjectId))
                    {
                        d.Present |= ModbusFieldPresence.DeviceIdRequest;
                        CheckReadDeviceIdCode(ref d);
                    }
                }
                else
                {
                    TakeRest(ref d, ref r);
                }
                break;
            case ModbusFunctionCode.Umas:
                ReadUmasHeader(ref d, ref r, isResponse: false);
                break;
            default:
                if (!ModbusNames.IsUserDefined(d.FunctionRaw)) d.Anomalies |= ModbusAnomalies.UnknownFunction;
                TakeRest(ref d, ref r);
                break;
        }

        Finish(ref d, ref r);
    }

    private static void ParseSingleCoil(ref ModbusDecoded d, ref SpanReader r)
    {
        if (ReadAddress(ref d, ref r) && ReadValue(ref d, ref r)
            && d.Value is not (ModbusConstants.CoilOn or ModbusConstants.CoilOff))
        {
            d.Anomalies |= ModbusAnomalies.InvalidCoilValue;
        }
    }

    private static void ParseMaskWrite(ref ModbusDecoded d, ref SpanReader r)
    {
        if (ReadAddress(ref d, ref r) && ReadU16(ref d, ref r, out d.AndMask) && ReadU16(ref d, ref r, out d.OrMask))
            d.Present |= ModbusFieldPresence.Masks;
    }

    private static void ParseReadWriteRequest(ref ModbusDecoded d, ref SpanReader r)
    {
        if (!ReadAddress(ref d, ref r) || !ReadQuantity(ref d, ref r, ModbusConstants.MaxReadWriteReadRegisters)) return;
        if (!ReadU16(ref d, ref r, out d.WriteAddress) || !ReadU16(ref d, ref r, out d.WriteQuantity)) return;
        d.Present |= ModbusFieldPresence.WriteRange;
        if (d.WriteQuantity is 0 or > ModbusConstants.MaxReadWriteWriteRegisters) d.Anomalies |= ModbusAnomalies.QuantityOutOfRange;
        if (!ReadByteCount(ref d, ref r)) return;
        if (d.ByteCount != 2 * d.WriteQuantity) d.Anomalies |= ModbusAnomalies.ByteCountQuantityMismatch;
        TakeCounted(ref d, ref r, d.ByteCount);
    }

    /// <summary>
    /// Read (20) and Write (21) File Record requests, and the Write response (an echo). The sub-request
    /// count is bounded by the byte count, which is bounded by the frame.
    /// </summary>
    private static void ParseFileRecords(ref ModbusDecoded d, ref SpanReader r, bool withData)
    {
        if (!ReadByteCount(ref d, ref r)) return;
        int min = withData ? 9 : ModbusConstants.FileSubRequestLength;
        int max = withData ? 0xFB : 0xF5;
        if (d.ByteCount < min || d.ByteCount > max) d.Anomalies |= ModbusAnomalies.ByteCountOutOfRange;
        if (!withData && d.ByteCount % ModbusConstants.FileSubRequestLength != 0) d.Anomalies |= ModbusAnomalies.ByteCountLengthMismatch;

        int available = Math.Min(d.ByteCount, r.Remaining);
        if (d.ByteCount != r.Remaining) d.Anomalies |= ModbusAnomalies.ByteCountLengthMismatch;
        var records = new SpanReader(r.UnreadSpan[..available]);
        d.DataOffset = r.Consumed;
        d.DataLength = available;
        d.Present |= ModbusFieldPresence.Data | ModbusFieldPresence.FileRecord;

        int count = 0;
        while (!records.End)
        {
            if (!records.TryReadByte(out byte referenceType)
                || !records.TryReadUInt16BigEndian(out ushort file)
                || !records.TryReadUInt16BigEndian(out ushort record)
                || !records.TryReadUInt16BigEndian(out ushort length))
            {
                d.Anomalies |= ModbusAnomalies.DataTooShort;
                break;
            }

            if (referenceType != ModbusConstants.FileRecordReferenceType) d.Anomalies |= ModbusAnomalies.InvalidReferenceType;
            if (count == 0)
            {
                d.FileNumber = file;
                d.RecordNumber = record;
                d.RecordLength = length;
            }
            count++;
            if (withData && !records.TrySkip(2 * length))
            {
                d.Anomalies |= ModbusAnomalies.DataTooShort;
                break;
            }
        }

        d.SubRequestCount = (byte)count;
        r.TrySkip(r.Remaining);
    }
}
