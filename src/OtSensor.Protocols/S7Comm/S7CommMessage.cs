using System.Buffers.Binary;
using System.Text.Json;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.S7Comm;

/// <summary>
/// One S7comm PDU (Job, Ack, Ack-Data or Userdata): header, the parameter function or Userdata
/// group/subfunction, read/write items, names of PI services and block files, SZL identification records.
/// </summary>
/// <remarks>
/// A <c>ref struct</c> borrowing the TSDU; valid only during <see cref="Registry.IProtocolEventSink.OnS7Comm"/>.
/// The last data unit of a fragmented userdata answer also borrows the reassembled data of all its units
/// (<see cref="S7CommPayloadDecoder"/>): its SZL fields, records and identity come from the whole.
/// Event-log contract: <see cref="Function"/> is the parameter function code for Job/Ack-Data and -1 for
/// Ack and Userdata; <c>rosctr</c>, <c>userdataGroup</c> and <c>userdataSubfunction</c> go to the details.
/// </remarks>
public readonly ref struct S7CommMessage : IProtocolMessage
{
    private readonly ReadOnlySpan<byte> _pdu;
    private readonly ReadOnlySpan<byte> _reassembled;
    private readonly S7CommDecoded _d;

    /// <summary>A message over <paramref name="pdu"/> whose fields the parser fills in place through <see cref="Fields"/>.</summary>
    internal S7CommMessage(ReadOnlySpan<byte> pdu)
    {
        _pdu = pdu;
        _d = default;
    }

    /// <summary>The decoded fields, writable, for the parser only (messages are built in place: src/OtSensor.Protocols/README.md).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref S7CommDecoded Fields => ref System.Runtime.CompilerServices.Unsafe.AsRef(in _d);

    private S7CommMessage(ReadOnlySpan<byte> pdu, ReadOnlySpan<byte> reassembled, scoped in S7CommDecoded decoded)
    {
        _pdu = pdu;
        _reassembled = reassembled;
        _d = decoded;
    }

    /// <summary>This last data unit with the data of every unit of its answer (<paramref name="whole"/>): the SZL is decoded from the whole.</summary>
    internal S7CommMessage WithReassembled(ReadOnlySpan<byte> whole, int dataUnits)
    {
        var d = _d;
        d.Reassembled = true;
        d.ReassembledLength = whole.Length;
        d.ReassembledDataUnits = dataUnits;
        S7CommParser.ParseReassembledSzl(whole, ref d);
        return new S7CommMessage(_pdu, whole, in d);
    }

    /// <summary>The same message with anomalies found above the single PDU (userdata reassembly).</summary>
    internal S7CommMessage WithAnomalies(S7CommAnomalies anomalies)
    {
        if (anomalies == S7CommAnomalies.None) return this;
        var d = _d;
        d.Anomalies |= anomalies;
        return new S7CommMessage(_pdu, _reassembled, in d);
    }

    public ProtocolId Protocol => ProtocolId.S7Comm;

    public int Function => _d.Function;

    public string? FunctionName => _d.Function < 0 ? null : S7CommNames.Function(_d.Function);

    public OtOperation Operation => _d.Operation;

    public bool IsResponse => _d.IsResponse;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public S7CommAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => S7CommNames.Anomaly(bit);

    /// <summary>The whole PDU, from the 0x32 byte.</summary>
    public ReadOnlySpan<byte> Pdu => _pdu;

    public S7CommRosctr Rosctr => (S7CommRosctr)_d.Rosctr;
    public ushort PduReference => _d.PduReference;
    public ushort ParameterLength => _d.ParameterLength;
    public ushort DataLength => _d.DataLength;

    /// <summary>Ack/Ack-Data header error class (0 = none); 0 for other PDU types.</summary>
    public byte ErrorClass => _d.ErrorClass;
    public byte ErrorCode => _d.ErrorCode;

    public bool IsUserdata => _d.IsUserdata;

    /// <summary>Userdata function group, -1 for other PDU types.</summary>
    public int UserdataGroup => _d.IsUserdata ? _d.UserdataGroup : -1;

    /// <summary>Userdata subfunction, -1 for other PDU types.</summary>
    public int UserdataSubfunction => _d.IsUserdata ? _d.UserdataSubfunction : -1;

    /// <summary>Userdata type nibble: 0 push, 4 request, 8 response.</summary>
    public byte UserdataType => _d.UserdataType;
    public byte UserdataSequence => _d.UserdataSequence;

    /// <summary>Userdata: more data units follow (the "last data unit" byte is not 0).</summary>
    public bool MoreDataUnits => _d.HasUserdataExtension && _d.LastDataUnit != 0;

    /// <summary>Userdata: the data unit reference tying the units of one fragmented answer together (0 when absent).</summary>
    public byte DataUnitReference => _d.HasUserdataExtension ? _d.DataUnitReference : (byte)0;

    /// <summary>Userdata data after its 4-byte data header (what reassembly concatenates); empty for other PDU types.</summary>
    public ReadOnlySpan<byte> UserdataPayload => _pdu.Slice(_d.UserdataPayloadOffset, _d.UserdataPayloadLength);

    /// <summary>True on the last data unit of a reassembled answer; <see cref="SzlRecords"/> then come from the whole.</summary>
    public bool IsReassembled => _d.Reassembled;

    /// <summary>Data bytes of all units of the reassembled answer (0 unless <see cref="IsReassembled"/>).</summary>
    public int ReassembledLength => _d.ReassembledLength;

    public int ItemCount => _d.ItemCount;

    /// <summary>Item specifications of a read/write var request (empty for responses).</summary>
    public S7CommItemReader Items => !_d.IsResponse && _d.ItemsLength > 0
        ? new S7CommItemReader(_pdu.Slice(_d.ItemsOffset, _d.ItemsLength))
        : default;

    /// <summary>Setup communication: negotiated/proposed PDU length.</summary>
    public ushort PduLength => _d.PduLength;

    /// <summary>PI service or PLC stop name ("P_PROGRAM", "_INSE", ...), or the block file name of download/upload.</summary>
    public ReadOnlySpan<byte> Name => _pdu.Slice(_d.NameOffset, _d.NameLength);

    /// <summary>PI service parameter block ("C " for a cold start, block list for _INSE).</summary>
    public ReadOnlySpan<byte> PiParameter => _pdu.Slice(_d.PiParameterOffset, _d.PiParameterLength);

    public bool HasSzl => _d.HasSzl;
    public ushort SzlId => _d.SzlId;
    public ushort SzlIndex => _d.SzlIndex;

    /// <summary>
    /// SZL data records: of this PDU (fewer than announced when more data units follow), or of the whole answer
    /// on the last data unit of a reassembled one.
    /// </summary>
    public ReadOnlySpan<byte> SzlRecords => _d.Reassembled
        ? _reassembled.Slice(_d.SzlRecordsOffset, _d.SzlRecordsLength)
        : _pdu.Slice(_d.SzlRecordsOffset, _d.SzlRecordsLength);

    /// <summary>
    /// True for an SZL response with module (xy11) or component (xy1C) identification records, once whole: the
    /// first unit of a fragmented answer states nothing, its last unit (reassembled) states everything.
    /// </summary>
    public bool HasIdentity => _d.IsResponse && _d.HasSzl && _d.SzlRecordsLength > 0 && !MoreDataUnits
        && (byte)_d.SzlId is S7CommConstants.SzlModuleIdentification or S7CommConstants.SzlComponentIdentification;

    /// <summary>
    /// Module identification (SZL xy11, records of index(2) MlfB(20) BGTyp(2) Ausbg(2) Ausbe(2)): index 1 = order
    /// number of the module, 6 = basic hardware, 7 = basic firmware with Ausbg = 'V' major, Ausbe = minor patch.
    /// Component identification (SZL xy1C, records of index(2) text(32)): 1 = automation system name, 2 = module
    /// name, 5 = serial number, 7 = module type name.
    /// </summary>
    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (!HasIdentity) return;
        receiver.OnIdentity(IdentityField.Vendor, "Siemens"u8, "s7comm SZL identification (Siemens protocol)");
        int recordLength = _d.SzlRecordLength;
        if (recordLength < 4) return;
        var records = SzlRecords;
        for (int i = 0; i < _d.SzlRecordCount && records.Length >= recordLength; i++)
        {
            var record = records[..recordLength];
            records = records[recordLength..];
            int index = BinaryPrimitives.ReadUInt16BigEndian(record);
            if ((byte)_d.SzlId == S7CommConstants.SzlModuleIdentification) ReportModule(receiver, index, record);
            else ReportComponent(receiver, index, record[2..]);
        }
    }

    private static void ReportModule(IIdentityReceiver receiver, int index, ReadOnlySpan<byte> record)
    {
        if (record.Length < 28) return;
        var orderNumber = TextOf(record.Slice(2, 20));
        switch (index)
        {
            case 1:
                receiver.OnIdentity(IdentityField.ProductCode, orderNumber, "s7comm SZL 0x0011 index 1 (module order number)");
                break;
            case 6:
                receiver.OnIdentity(IdentityField.ProductCode, orderNumber, "s7comm SZL 0x0011 index 6 (basic hardware order number)");
                break;
            case 7:
                if (record[24] != (byte)'V') return;
                Span<byte> version = stackalloc byte[16];
                int n = 0;
                version[n++] = (byte)'V';
                n += Format(record[25], version[n..]);
                version[n++] = (byte)'.';
                n += Format(record[26], version[n..]);
                version[n++] = (byte)'.';
                n += Format(record[27], version[n..]);
                receiver.OnIdentity(IdentityField.Firmware, version[..n], "s7comm SZL 0x0011 index 7 (basic firmware version)");
                break;
        }
    }

    private static void ReportComponent(IIdentityReceiver receiver, int index, ReadOnlySpan<byte> text)
    {
        if (text.Length > 32) text = text[..32];
        switch (index)
        {
            case 1:
                receiver.OnIdentity(IdentityField.Name, TextOf(text), "s7comm SZL 0x001C index 1 (automation system name)");
                break;
            case 2:
                receiver.OnIdentity(IdentityField.Name, TextOf(text), "s7comm SZL 0x001C index 2 (module name)");
                break;
            case 5:
                receiver.OnIdentity(IdentityField.Serial, TextOf(text), "s7comm SZL 0x001C index 5 (serial number)");
                break;
            case 7:
                receiver.OnIdentity(IdentityField.Model, TextOf(text), "s7comm SZL 0x001C index 7 (module type name)");
                break;
        }
    }

    private static int Format(byte value, Span<byte> destination) => value.TryFormat(destination, out int written) ? written : 0;

    /// <summary>SZL strings are padded with NULs (xy1C) or spaces (MlfB): cut at the first NUL.</summary>
    private static ReadOnlySpan<byte> TextOf(ReadOnlySpan<byte> text)
    {
        int end = text.IndexOf((byte)0);
        return end < 0 ? text : text[..end];
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber(S7CommFields.Rosctr, _d.Rosctr);
        WriteNameOrNull(writer, S7CommFields.RosctrName, S7CommNames.Rosctr(_d.Rosctr));
        writer.WriteNumber(S7CommFields.PduReference, _d.PduReference);
        writer.WriteNumber(S7CommFields.ParameterLength, _d.ParameterLength);
        writer.WriteNumber(S7CommFields.DataLength, _d.DataLength);
        if (_d.HasErrorFields)
        {
            writer.WriteNumber(S7CommFields.ErrorClass, _d.ErrorClass);
            WriteNameOrNull(writer, S7CommFields.ErrorClassName, S7CommNames.ErrorClass(_d.ErrorClass));
            writer.WriteNumber(S7CommFields.ErrorCode, _d.ErrorCode);
        }
        if (_d.IsUserdata)
        {
            writer.WriteNumber(S7CommFields.UserdataGroup, _d.UserdataGroup);
            WriteNameOrNull(writer, S7CommFields.UserdataGroupName, S7CommNames.UserdataGroup(_d.UserdataGroup));
            writer.WriteNumber(S7CommFields.UserdataSubfunction, _d.UserdataSubfunction);
            WriteNameOrNull(writer, S7CommFields.UserdataSubfunctionName, S7CommNames.UserdataSubfunction(_d.UserdataGroup, _d.UserdataSubfunction));
            WriteNameOrNull(writer, S7CommFields.UserdataType, S7CommNames.UserdataType(_d.UserdataType));
            writer.WriteNumber(S7CommFields.Sequence, _d.UserdataSequence);
            if (_d.HasUserdataExtension)
            {
                writer.WriteNumber(S7CommFields.DataUnitReference, _d.DataUnitReference);
                writer.WriteNumber(S7CommFields.LastDataUnit, _d.LastDataUnit);
                writer.WriteNumber(S7CommFields.UserdataErrorCode, _d.UserdataErrorCode);
            }
            if (_d.DataReturnCode >= 0) writer.WriteNumber(S7CommFields.ReturnCode, _d.DataReturnCode);
            if (_d.Reassembled)
            {
                writer.WriteNumber(S7CommFields.ReassembledLength, _d.ReassembledLength);
                writer.WriteNumber(S7CommFields.ReassembledDataUnits, _d.ReassembledDataUnits);
            }
        }
        else
        {
            writer.WriteNull(S7CommFields.UserdataGroup);
            writer.WriteNull(S7CommFields.UserdataSubfunction);
        }
        if (_d.Function is 0x04 or 0x05)
        {
            writer.WriteNumber(S7CommFields.ItemCount, _d.ItemCount);
            WriteItems(writer);
        }
        if (_d.Function == 0xF0 && _d.PduLength != 0)
        {
            writer.WriteNumber(S7CommFields.MaxAmqCalling, _d.MaxAmqCalling);
            writer.WriteNumber(S7CommFields.MaxAmqCalled, _d.MaxAmqCalled);
            writer.WriteNumber(S7CommFields.PduLength, _d.PduLength);
        }
        if (_d.NameLength > 0)
        {
            WriteAscii(writer, _d.Function is 0x28 or 0x29 ? S7CommFields.PiService : S7CommFields.FileName, Name);
            if (_d.PiParameterLength > 0) WriteAscii(writer, S7CommFields.PiParameter, PiParameter);
        }
        if (_d.HasSzl)
        {
            writer.WriteNumber(S7CommFields.SzlId, _d.SzlId);
            writer.WriteNumber(S7CommFields.SzlIndex, _d.SzlIndex);
            if (_d.IsResponse) writer.WriteNumber(S7CommFields.SzlRecordCount, _d.SzlRecordCount);
        }
    }

    private void WriteItems(Utf8JsonWriter writer)
    {
        var items = Items;
        if (!items.TryRead(out var item)) return;
        writer.WriteStartArray(S7CommFields.Items);
        do
        {
            writer.WriteStartObject();
            writer.WriteNumber(S7CommFields.Syntax, item.Syntax);
            if (item.IsS7Any)
            {
                writer.WriteNumber(S7CommFields.Area, item.Area);
                writer.WriteNumber(S7CommFields.Db, item.DbNumber);
                writer.WriteNumber(S7CommFields.ByteAddress, item.ByteAddress);
                writer.WriteNumber(S7CommFields.BitAddress, item.BitAddress & 7);
                writer.WriteNumber(S7CommFields.TransportSize, item.TransportSize);
                writer.WriteNumber(S7CommFields.Length, item.Length);
            }
            writer.WriteEndObject();
        }
        while (items.TryRead(out item));
        writer.WriteEndArray();
    }

    /// <summary>Names are ASCII on the wire; anything else is written as null rather than guessed at.</summary>
    private static void WriteAscii(Utf8JsonWriter writer, string key, ReadOnlySpan<byte> value)
    {
        foreach (byte b in value)
        {
            if (b is < 0x20 or > 0x7E)
            {
                writer.WriteNull(key);
                return;
            }
        }
        writer.WriteString(key, value);
    }

    private static void WriteNameOrNull(Utf8JsonWriter writer, string key, string? name)
    {
        if (name is null) writer.WriteNull(key);
        else writer.WriteString(key, name);
    }
}
