using System.Buffers.Binary;
using OtSensor.Core.Buffers;
using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.Modbus;

/// <summary>Decodes one complete Modbus/TCP ADU into a <see cref="ModbusMessage"/>.</summary>
/// <remarks>
/// <para>MODBUS Messaging on TCP/IP Implementation Guide V1.0b §3.1.3 (MBAP) and MODBUS Application Protocol
/// Specification V1.1b3 §4–§7 (PDU per function).</para>
/// <code>
///  0      2      4      6    7    8
///  +------+------+------+----+----+------------------------------+
///  | TID  | PID  | LEN  | UI | FC | data (LEN - 2 bytes)          |
///  +------+------+------+----+----+------------------------------+
///  TID transaction id, PID protocol id (0), LEN bytes after LEN (UI + PDU, 2..254), UI unit id,
///  FC function code (bit 7 set: exception response, data = 1-byte exception code).
/// </code>
/// <para>The parser is handed exactly one frame (see <see cref="ModbusFramer"/>). Inside it, a field that
/// does not fit is an anomaly (<see cref="ModbusAnomalies.DataTooShort"/>), never "need more data".
/// Nothing throws and nothing allocates.</para>
/// </remarks>
public static partial class ModbusParser
{
    /// <summary>Parses a request or an unpaired response.</summary>
    /// <returns>False only when the frame is shorter than an MBAP header plus a function code.</returns>
    public static bool TryParse(ReadOnlySpan<byte> frame, Direction direction, out ModbusMessage message)
        => TryParse(frame, direction, default, paired: false, out message);

    /// <summary>Parses a response knowing its request, so that byte counts are checked against the quantity.</summary>
    public static bool TryParse(ReadOnlySpan<byte> frame, Direction direction, scoped in ModbusRequestContext request, out ModbusMessage message)
        => TryParse(frame, direction, request, paired: true, out message);

    private static bool TryParse(ReadOnlySpan<byte> frame, Direction direction, scoped in ModbusRequestContext request, bool paired, out ModbusMessage message)
    {
        message = new ModbusMessage(frame);
        if (frame.Length < ModbusConstants.MbapHeaderLength + 1) return false;
        ref ModbusDecoded d = ref message.Fields;
        // The fixed part (MBAP header and function code) is read in place: its length was checked once above.
        d.TransactionId = BinaryPrimitives.ReadUInt16BigEndian(frame);
        d.ProtocolIdentifier = BinaryPrimitives.ReadUInt16BigEndian(frame[2..]);
        d.LengthField = BinaryPrimitives.ReadUInt16BigEndian(frame[4..]);
        d.UnitId = frame[6];
        d.FunctionRaw = frame[7];
        var reader = new SpanReader(frame);
        reader.TrySkip(ModbusConstants.MbapHeaderLength + 1);

        d.IsResponse = direction == Direction.ToClient;
        if (d.ProtocolIdentifier != 0) d.Anomalies |= ModbusAnomalies.InvalidProtocolId;
        if (!ModbusProbe.IsValidLength(d.LengthField)) d.Anomalies |= ModbusAnomalies.InvalidLength;
        if (d.LengthField + ModbusConstants.LengthFieldBase != frame.Length) d.Anomalies |= ModbusAnomalies.LengthMismatch;
        d.DataOffset = reader.Consumed;

        if (!d.IsResponse)
        {
            ParseRequest(ref d, ref reader);
        }
        else
        {
            if (paired) Pair(ref d, request);
            ParseResponse(ref d, ref reader, request, paired);
        }

        d.Operation = ComputeOperation(in d, request, paired);
        return true;
    }

    private static void Pair(ref ModbusDecoded d, in ModbusRequestContext request)
    {
        d.Paired = true;
        d.RequestFunction = request.Function;
        if ((d.FunctionRaw & 0x7F) != request.Function)
        {
            d.Anomalies |= ModbusAnomalies.ResponseFunctionMismatch;
            return;
        }

        // A read response carries no address or quantity: take them from the request.
        if (request.Address is ushort address) { d.Address = address; d.Present |= ModbusFieldPresence.Address; }
        if (request.Quantity is ushort quantity) { d.Quantity = quantity; d.Present |= ModbusFieldPresence.Quantity; }
        if (request.HasSubCode && request.Function == (byte)ModbusFunctionCode.Umas)
        {
            d.UmasFunction = request.SubCode;
            d.Present |= ModbusFieldPresence.UmasFunction;
        }
    }

    private static Core.Protocols.OtOperation ComputeOperation(in ModbusDecoded d, in ModbusRequestContext request, bool paired)
    {
        byte function = (byte)(d.FunctionRaw & 0x7F);
        switch ((ModbusFunctionCode)function)
        {
            case ModbusFunctionCode.Diagnostics when d.Has(ModbusFieldPresence.SubFunction):
                return ModbusOperations.Of(function, (byte)d.SubFunction, d.SubFunction <= byte.MaxValue);
            case ModbusFunctionCode.EncapsulatedInterfaceTransport when d.Has(ModbusFieldPresence.Mei):
                return ModbusOperations.Of(function, d.MeiType, hasSubCode: true);
            case ModbusFunctionCode.Umas when d.Has(ModbusFieldPresence.UmasFunction):
                return ModbusOperations.Of(function, d.UmasFunction, hasSubCode: true);
        }

        bool fromRequest = paired && request.Function == function && request.HasSubCode;
        return ModbusOperations.Of(function, fromRequest ? request.SubCode : (byte)0, fromRequest);
    }

    // ---- shared field readers: each sets DataTooShort when the field is not there ----

    private static bool ReadU16(ref ModbusDecoded d, ref SpanReader r, out ushort value)
    {
        if (r.TryReadUInt16BigEndian(out value)) return true;
        d.Anomalies |= ModbusAnomalies.DataTooShort;
        return false;
    }

    private static bool ReadU8(ref ModbusDecoded d, ref SpanReader r, out byte value)
    {
        if (r.TryReadByte(out value)) return true;
        d.Anomalies |= ModbusAnomalies.DataTooShort;
        return false;
    }

    private static bool ReadAddress(ref ModbusDecoded d, ref SpanReader r)
    {
        if (!ReadU16(ref d, ref r, out d.Address)) return false;
        d.Present |= ModbusFieldPresence.Address;
        return true;
    }

    private static bool ReadQuantity(ref ModbusDecoded d, ref SpanReader r, int max)
    {
        if (!ReadU16(ref d, ref r, out d.Quantity)) return false;
        d.Present |= ModbusFieldPresence.Quantity;
        if (d.Quantity == 0 || d.Quantity > max) d.Anomalies |= ModbusAnomalies.QuantityOutOfRange;
        return true;
    }

    private static bool ReadValue(ref ModbusDecoded d, ref SpanReader r)
    {
        if (!ReadU16(ref d, ref r, out d.Value)) return false;
        d.Present |= ModbusFieldPresence.Value;
        return true;
    }

    private static bool ReadByteCount(ref ModbusDecoded d, ref SpanReader r)
    {
        if (!ReadU8(ref d, ref r, out byte count)) return false;
        d.ByteCount = count;
        d.Present |= ModbusFieldPresence.ByteCount;
        return true;
    }

    /// <summary>Takes the <paramref name="count"/> bytes a byte count announces, flagging a count that disagrees with the PDU.</summary>
    private static void TakeCounted(ref ModbusDecoded d, ref SpanReader r, int count)
    {
        int remaining = r.Remaining;
        if (count != remaining) d.Anomalies |= ModbusAnomalies.ByteCountLengthMismatch;
        TakeData(ref d, ref r, Math.Min(count, remaining));
        // Bytes past the count are already flagged as a length mismatch; do not flag them twice.
        r.TrySkip(r.Remaining);
    }

    private static void TakeData(ref ModbusDecoded d, ref SpanReader r, int count)
    {
        d.DataOffset = r.Consumed;
        d.DataLength = count;
        d.Present |= ModbusFieldPresence.Data;
        r.TrySkip(count);
    }

    private static void TakeRest(ref ModbusDecoded d, ref SpanReader r) => TakeData(ref d, ref r, r.Remaining);

    private static void Finish(ref ModbusDecoded d, ref SpanReader r)
    {
        if (!r.End) d.Anomalies |= ModbusAnomalies.TrailingBytes;
    }

    private static void ReadSubFunction(ref ModbusDecoded d, ref SpanReader r)
    {
        if (!ReadU16(ref d, ref r, out d.SubFunction)) return;
        d.Present |= ModbusFieldPresence.SubFunction;
        if (ModbusNames.DiagnosticSubFunction(d.SubFunction) is null) d.Anomalies |= ModbusAnomalies.ReservedSubFunction;
        // Every defined sub-function carries one 16-bit data word; sub-function 0 echoes any length.
        if (r.Remaining >= 2)
        {
            d.Value = (ushort)((r.UnreadSpan[0] << 8) | r.UnreadSpan[1]);
            d.Present |= ModbusFieldPresence.Value;
        }
        TakeRest(ref d, ref r);
    }

    private static void ReadMei(ref ModbusDecoded d, ref SpanReader r)
    {
        if (!ReadU8(ref d, ref r, out d.MeiType)) return;
        d.Present |= ModbusFieldPresence.Mei;
        if (d.MeiType is not (ModbusConstants.MeiCanOpenGeneralReference or ModbusConstants.MeiReadDeviceIdentification))
            d.Anomalies |= ModbusAnomalies.ReservedMeiType;
    }

    private static void CheckReadDeviceIdCode(ref ModbusDecoded d)
    {
        if (d.ReadDeviceIdCode is < 1 or > 4) d.Anomalies |= ModbusAnomalies.InvalidReadDeviceIdCode;
    }

    private static void ReadUmasHeader(ref ModbusDecoded d, ref SpanReader r, bool isResponse)
    {
        if (!ReadU8(ref d, ref r, out d.UmasSession)) return;
        d.Present |= ModbusFieldPresence.UmasSession;
        if (isResponse)
        {
            if (!ReadU8(ref d, ref r, out d.UmasStatus)) return;
            d.Present |= ModbusFieldPresence.UmasStatus;
        }
        else
        {
            if (!ReadU8(ref d, ref r, out d.UmasFunction)) return;
            d.Present |= ModbusFieldPresence.UmasFunction;
        }
        TakeRest(ref d, ref r);
    }
}
