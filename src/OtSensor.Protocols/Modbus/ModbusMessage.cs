using System.Text.Json;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Modbus;

/// <summary>
/// One Modbus/TCP ADU: the MBAP header, the decoded PDU fields (raw beside decoded), anomalies, and the
/// frame itself so values and identification objects can be read in place.
/// </summary>
/// <remarks>
/// A <c>ref struct</c>: it borrows the frame from the caller's buffer and is valid only during
/// <see cref="Registry.IProtocolEventSink.OnModbus"/>. Nothing is copied or allocated while parsing;
/// strings are created only by <see cref="WriteDetails"/>. For a paired response, <see cref="Address"/>
/// and <see cref="Quantity"/> come from the request (a read response carries neither on the wire).
/// </remarks>
public readonly ref struct ModbusMessage : IProtocolMessage
{
    private readonly ReadOnlySpan<byte> _frame;
    private readonly ModbusDecoded _d;

    internal ModbusMessage(ReadOnlySpan<byte> frame, scoped in ModbusDecoded decoded)
    {
        _frame = frame;
        _d = decoded;
    }

    /// <summary>A message over <paramref name="frame"/> whose fields the parser fills in place through <see cref="Fields"/>.</summary>
    internal ModbusMessage(ReadOnlySpan<byte> frame)
    {
        _frame = frame;
        _d = default;
    }

    /// <summary>
    /// The decoded fields, writable, for <see cref="ModbusParser"/> only. Building a message field by field and then
    /// copying it whole makes the CPU load 32 bytes just written as single bytes and shorts: the store buffer cannot
    /// forward that, and the stall cost more than the rest of the parse. Filled in place, nothing is copied.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref ModbusDecoded Fields => ref System.Runtime.CompilerServices.Unsafe.AsRef(in _d);

    /// <summary>The same message with more anomaly bits (the session adds pairing anomalies).</summary>
    internal ModbusMessage WithAnomalies(ModbusAnomalies anomalies)
    {
        var d = _d;
        d.Anomalies |= anomalies;
        return new ModbusMessage(_frame, in d);
    }

    public ProtocolId Protocol => ProtocolId.Modbus;

    /// <summary>Function code with the exception bit cleared (event-log contract).</summary>
    public int Function => _d.FunctionRaw & 0x7F;

    public string? FunctionName => ModbusNames.Function(_d.FunctionRaw);

    public OtOperation Operation => _d.Operation;

    public bool IsResponse => _d.IsResponse;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public ModbusAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => ModbusNames.Anomaly(bit);

    /// <summary>The whole ADU (MBAP header and PDU).</summary>
    public ReadOnlySpan<byte> Frame => _frame;

    /// <summary>The PDU: function code and data.</summary>
    public ReadOnlySpan<byte> Pdu => _frame[ModbusConstants.MbapHeaderLength..];

    /// <summary>
    /// The variable part: coil/register values (1–4 responses, 15, 16, 23, 24), diagnostic data (8),
    /// event log events (12), file sub-requests/records (20, 21), identification objects (43/14),
    /// CANopen payload (43/13), UMAS payload after the UMAS function/status byte (90), user-defined data.
    /// </summary>
    public ReadOnlySpan<byte> Data => _frame.Slice(_d.DataOffset, _d.DataLength);

    public ushort TransactionId => _d.TransactionId;
    public ushort ProtocolIdentifier => _d.ProtocolIdentifier;
    public ushort LengthField => _d.LengthField;
    public byte UnitId => _d.UnitId;
    public byte FunctionRaw => _d.FunctionRaw;

    /// <summary>Decoded function; a value outside the named members for user-defined or unknown codes.</summary>
    public ModbusFunctionCode FunctionCode => (ModbusFunctionCode)(_d.FunctionRaw & 0x7F);

    public bool IsException => _d.IsResponse && (_d.FunctionRaw & ModbusConstants.ExceptionBit) != 0;

    /// <summary>Exception code of an exception response (raw value, may be undefined); null otherwise.</summary>
    public ModbusExceptionCode? ExceptionCode => IsException ? (ModbusExceptionCode)_d.ExceptionCode : null;

    /// <summary>True when the response was matched to an outstanding request.</summary>
    public bool Paired => _d.Paired;

    /// <summary>The paired request's function code; null for requests and unpaired responses.</summary>
    public byte? RequestFunction => _d.Paired ? _d.RequestFunction : null;

    public ushort? Address => Get(ModbusFieldPresence.Address, _d.Address);
    public ushort? Quantity => Get(ModbusFieldPresence.Quantity, _d.Quantity);
    public ushort? Value => Get(ModbusFieldPresence.Value, _d.Value);
    public ushort? ByteCount => Get(ModbusFieldPresence.ByteCount, _d.ByteCount);
    public ushort? SubFunction => Get(ModbusFieldPresence.SubFunction, _d.SubFunction);
    public ushort? AndMask => Get(ModbusFieldPresence.Masks, _d.AndMask);
    public ushort? OrMask => Get(ModbusFieldPresence.Masks, _d.OrMask);
    public ushort? WriteAddress => Get(ModbusFieldPresence.WriteRange, _d.WriteAddress);
    public ushort? WriteQuantity => Get(ModbusFieldPresence.WriteRange, _d.WriteQuantity);
    public byte? MeiType => _d.Has(ModbusFieldPresence.Mei) ? _d.MeiType : null;
    public byte? UmasSession => _d.Has(ModbusFieldPresence.UmasSession) ? _d.UmasSession : null;

    /// <summary>UMAS function: from the request, or for a paired response from its request.</summary>
    public byte? UmasFunction => _d.Has(ModbusFieldPresence.UmasFunction) ? _d.UmasFunction : null;

    /// <summary>UMAS response status byte (0xFE success, 0xFD error).</summary>
    public byte? UmasStatus => _d.Has(ModbusFieldPresence.UmasStatus) ? _d.UmasStatus : null;

    public byte? ReadDeviceIdCode => _d.Has(ModbusFieldPresence.DeviceIdRequest) ? _d.ReadDeviceIdCode : null;
    public byte? ObjectId => _d.Has(ModbusFieldPresence.DeviceIdRequest) ? _d.ObjectId : null;
    public byte? ConformityLevel => _d.Has(ModbusFieldPresence.DeviceIdResponse) ? _d.ConformityLevel : null;
    public byte? MoreFollows => _d.Has(ModbusFieldPresence.DeviceIdResponse) ? _d.MoreFollows : null;
    public byte? NextObjectId => _d.Has(ModbusFieldPresence.DeviceIdResponse) ? _d.NextObjectId : null;

    /// <summary>Objects of a Read Device Identification response; empty for other messages.</summary>
    public ModbusDeviceIdentification DeviceIdentification
        => _d.Has(ModbusFieldPresence.DeviceIdResponse) ? new(Data, _d.NumberOfObjects) : default;

    /// <summary>
    /// Report Server ID (17) response data after the byte count: server id, run indicator status and
    /// additional data. Their split is device specific (§6.13), so the bytes are given whole.
    /// </summary>
    public ReadOnlySpan<byte> ServerIdData => _d.Has(ModbusFieldPresence.ServerId) ? Data : default;

    /// <summary>A Read Device Identification (43/14) response states its sender's vendor, product and revision.</summary>
    public bool HasIdentity => _d.Has(ModbusFieldPresence.DeviceIdResponse) && _d.NumberOfObjects > 0;

    /// <summary>
    /// Maps the basic and regular identification objects (§6.21 table "Object Id") to inventory attributes:
    /// VendorName → vendor, ProductCode → product code, MajorMinorRevision → firmware, ProductName/ModelName → model.
    /// </summary>
    public void ReportIdentity(IIdentityReceiver receiver)
    {
        if (!HasIdentity) return;
        foreach (var entry in DeviceIdentification)
        {
            switch (entry.Id)
            {
                case ModbusDeviceIdentification.VendorName:
                    receiver.OnIdentity(IdentityField.Vendor, entry.Value, "modbus 43/14 VendorName (0x00)");
                    break;
                case ModbusDeviceIdentification.ProductCode:
                    receiver.OnIdentity(IdentityField.ProductCode, entry.Value, "modbus 43/14 ProductCode (0x01)");
                    break;
                case ModbusDeviceIdentification.MajorMinorRevision:
                    receiver.OnIdentity(IdentityField.Firmware, entry.Value, "modbus 43/14 MajorMinorRevision (0x02)");
                    break;
                case ModbusDeviceIdentification.ProductName:
                    receiver.OnIdentity(IdentityField.Model, entry.Value, "modbus 43/14 ProductName (0x04)");
                    break;
                case ModbusDeviceIdentification.ModelName:
                    receiver.OnIdentity(IdentityField.Model, entry.Value, "modbus 43/14 ModelName (0x05)");
                    break;
            }
        }
    }

    private ushort? Get(ModbusFieldPresence field, ushort value) => _d.Has(field) ? value : null;

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber(ModbusFields.TransactionId, _d.TransactionId);
        writer.WriteNumber(ModbusFields.ProtocolId, _d.ProtocolIdentifier);
        writer.WriteNumber(ModbusFields.Length, _d.LengthField);
        writer.WriteNumber(ModbusFields.UnitId, _d.UnitId);
        writer.WriteNumber(ModbusFields.FunctionRaw, _d.FunctionRaw);
        if (IsException)
        {
            writer.WriteNumber(ModbusFields.Exception, _d.ExceptionCode);
            WriteNameOrNull(writer, ModbusFields.ExceptionName, ModbusNames.Exception(_d.ExceptionCode));
        }
        else
        {
            writer.WriteNull(ModbusFields.Exception);
            writer.WriteNull(ModbusFields.ExceptionName);
        }

        if (_d.IsResponse)
        {
            writer.WriteBoolean(ModbusFields.Paired, _d.Paired);
            if (_d.Paired) writer.WriteNumber(ModbusFields.RequestFunction, _d.RequestFunction);
        }

        WriteOptional(writer, ModbusFields.Address, ModbusFieldPresence.Address, _d.Address);
        WriteOptional(writer, ModbusFields.Quantity, ModbusFieldPresence.Quantity, _d.Quantity);
        WriteOptional(writer, ModbusFields.WriteAddress, ModbusFieldPresence.WriteRange, _d.WriteAddress);
        WriteOptional(writer, ModbusFields.WriteQuantity, ModbusFieldPresence.WriteRange, _d.WriteQuantity);
        WriteOptional(writer, ModbusFields.ByteCount, ModbusFieldPresence.ByteCount, _d.ByteCount);
        WriteOptional(writer, ModbusFields.Value, ModbusFieldPresence.Value, _d.Value);
        WriteOptional(writer, ModbusFields.AndMask, ModbusFieldPresence.Masks, _d.AndMask);
        WriteOptional(writer, ModbusFields.OrMask, ModbusFieldPresence.Masks, _d.OrMask);
        if (_d.Has(ModbusFieldPresence.SubFunction))
        {
            writer.WriteNumber(ModbusFields.SubFunction, _d.SubFunction);
            WriteNameOrNull(writer, ModbusFields.SubFunctionName, ModbusNames.DiagnosticSubFunction(_d.SubFunction));
        }

        WriteOptional(writer, ModbusFields.Status, ModbusFieldPresence.EventCounter, _d.Status);
        WriteOptional(writer, ModbusFields.EventCount, ModbusFieldPresence.EventCounter, _d.EventCount);
        WriteOptional(writer, ModbusFields.MessageCount, ModbusFieldPresence.EventLog, _d.MessageCount);
        WriteOptional(writer, ModbusFields.FifoCount, ModbusFieldPresence.FifoCount, _d.FifoCount);
        if (_d.Has(ModbusFieldPresence.FileRecord | ModbusFieldPresence.SubRequests))
            writer.WriteNumber(ModbusFields.SubRequestCount, _d.SubRequestCount);
        if (_d.Has(ModbusFieldPresence.FileRecord))
        {
            writer.WriteNumber(ModbusFields.FileNumber, _d.FileNumber);
            writer.WriteNumber(ModbusFields.RecordNumber, _d.RecordNumber);
            writer.WriteNumber(ModbusFields.RecordLength, _d.RecordLength);
        }

        if (_d.Has(ModbusFieldPresence.OutputData)) writer.WriteNumber(ModbusFields.OutputData, _d.Value);

        if (_d.Has(ModbusFieldPresence.Mei))
        {
            writer.WriteNumber(ModbusFields.MeiType, _d.MeiType);
            WriteNameOrNull(writer, ModbusFields.MeiTypeName, ModbusNames.MeiType(_d.MeiType));
        }

        if (_d.Has(ModbusFieldPresence.DeviceIdRequest))
        {
            writer.WriteNumber(ModbusFields.ReadDeviceIdCode, _d.ReadDeviceIdCode);
            writer.WriteNumber(ModbusFields.ObjectId, _d.ObjectId);
        }

        if (_d.Has(ModbusFieldPresence.DeviceIdResponse))
        {
            writer.WriteNumber(ModbusFields.ConformityLevel, _d.ConformityLevel);
            writer.WriteBoolean(ModbusFields.MoreFollows, _d.MoreFollows == ModbusConstants.MoreFollowsYes);
            writer.WriteNumber(ModbusFields.NextObjectId, _d.NextObjectId);
            writer.WriteNumber(ModbusFields.NumberOfObjects, _d.NumberOfObjects);
            WriteDeviceIdentification(writer, DeviceIdentification);
        }

        if (_d.Has(ModbusFieldPresence.UmasSession)) writer.WriteNumber(ModbusFields.UmasSession, _d.UmasSession);
        if (_d.Has(ModbusFieldPresence.UmasFunction))
        {
            writer.WriteNumber(ModbusFields.UmasFunction, _d.UmasFunction);
            WriteNameOrNull(writer, ModbusFields.UmasFunctionName, ModbusNames.UmasFunction(_d.UmasFunction));
        }

        if (_d.Has(ModbusFieldPresence.UmasStatus)) writer.WriteNumber(ModbusFields.UmasStatus, _d.UmasStatus);

        if (_d.Has(ModbusFieldPresence.ServerId)) WriteHex(writer, ModbusFields.ServerIdData, Data);
        else if (_d.Has(ModbusFieldPresence.Data) && !_d.Has(ModbusFieldPresence.DeviceIdResponse)) WriteHex(writer, ModbusFields.Data, Data);
    }

    private void WriteOptional(Utf8JsonWriter writer, string name, ModbusFieldPresence field, ushort value)
    {
        if (_d.Has(field)) writer.WriteNumber(name, value);
    }

    private static void WriteNameOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }

    private static void WriteDeviceIdentification(Utf8JsonWriter writer, ModbusDeviceIdentification objects)
    {
        writer.WriteStartObject(ModbusFields.DeviceIdentification);
        bool anyPrivate = false;
        foreach (var entry in objects)
        {
            var name = ModbusNames.DeviceIdObject(entry.Id);
            if (name is null) { anyPrivate = true; continue; }
            WriteText(writer, name, entry.Value);
        }

        if (anyPrivate)
        {
            writer.WriteStartArray(ModbusFields.PrivateObjects);
            foreach (var entry in objects)
            {
                if (ModbusNames.DeviceIdObject(entry.Id) is not null) continue;
                writer.WriteStartObject();
                writer.WriteNumber(ModbusFields.Id, entry.Id);
                WriteText(writer, ModbusFields.Value, entry.Value);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes device text as Latin-1: identification strings are ASCII by spec (§6.21) but attacker-controlled,
    /// and Utf8JsonWriter rejects invalid UTF-8, so every byte maps to one char and the writer escapes it.
    /// </summary>
    private static void WriteText(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> value)
    {
        Span<char> chars = stackalloc char[byte.MaxValue];
        int n = Math.Min(value.Length, chars.Length);
        for (int i = 0; i < n; i++) chars[i] = (char)value[i];
        writer.WriteString(name, chars[..n]);
    }

    private static void WriteHex(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> value)
    {
        Span<char> chars = stackalloc char[2 * ModbusConstants.MaxPduLength];
        int n = Math.Min(value.Length, ModbusConstants.MaxPduLength);
        Convert.TryToHexStringLower(value[..n], chars, out int written);
        writer.WriteString(name, chars[..written]);
    }
}
