using System.Buffers.Binary;
using System.Text.Json;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Dnp3;

/// <summary>
/// One DNP3 application fragment after transport reassembly: link addresses and control of its first link
/// frame, application header, IIN, the object headers (walked on demand) and anomalies.
/// </summary>
/// <remarks>
/// A <c>ref struct</c>: it borrows the fragment from the session's reassembly buffer and is valid only during
/// <see cref="Registry.IProtocolEventSink.OnDnp3"/>. Nothing is copied or allocated while parsing; strings are
/// created only by <see cref="WriteDetails"/>. Roles come from the link DIR bit (IEEE 1815-2012 §9.2.4.1.3.3),
/// not from the transport: an outstation's unsolicited response is a response whoever opened the connection.
/// </remarks>
public readonly ref struct Dnp3Message : IProtocolMessage, IInBandSenderRole
{
    private readonly ReadOnlySpan<byte> _fragment;
    private readonly Dnp3Decoded _d;

    internal Dnp3Message(ReadOnlySpan<byte> fragment, scoped in Dnp3Decoded decoded)
    {
        _fragment = fragment;
        _d = decoded;
    }

    /// <summary>A message over <paramref name="fragment"/> whose fields the parser fills in place through <see cref="Fields"/>.</summary>
    internal Dnp3Message(ReadOnlySpan<byte> fragment)
    {
        _fragment = fragment;
        _d = default;
    }

    /// <summary>The decoded fields, writable, for the parser only (messages are built in place: src/OtSensor.Protocols/README.md).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref Dnp3Decoded Fields => ref System.Runtime.CompilerServices.Unsafe.AsRef(in _d);

    /// <summary>The same message paired with the request it answers (same application sequence and addresses).</summary>
    internal Dnp3Message WithRequest(byte requestFunction)
    {
        var d = _d;
        d.Paired = true;
        d.RequestFunction = requestFunction;
        return new Dnp3Message(_fragment, in d);
    }

    public ProtocolId Protocol => ProtocolId.Dnp3;

    /// <summary>Application function code (event-log contract); -1 when the fragment is too short to hold one.</summary>
    public int Function => _d.HasFunction ? _d.Function : -1;

    public string? FunctionName => _d.HasFunction ? Dnp3Names.Function(_d.Function) : null;

    public OtOperation Operation => _d.Operation;

    /// <summary>True when the fragment comes from an outstation (link DIR = 0).</summary>
    public bool IsResponse => !_d.Link.FromMaster;

    /// <summary>True when the link DIR bit says the master sent the fragment: the engine's roles follow it.</summary>
    public bool SenderIsClient => _d.Link.FromMaster;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public Dnp3Anomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => Dnp3Names.Anomaly(bit);

    /// <summary>The reassembled application fragment (application header, IIN, objects).</summary>
    public ReadOnlySpan<byte> Fragment => _fragment;

    /// <summary>Object headers and objects after the application header (and IIN).</summary>
    public ReadOnlySpan<byte> Objects => _fragment[_d.ObjectsOffset..];

    public Dnp3LinkHeader Link => _d.Link;

    /// <summary>Link source address (the sender's DNP3 address).</summary>
    public ushort Source => _d.Link.Source;

    /// <summary>Link destination address.</summary>
    public ushort Destination => _d.Link.Destination;

    /// <summary>Link frames the fragment was reassembled from.</summary>
    public int LinkFrames => _d.LinkFrames;

    public Dnp3FunctionCode FunctionCode => (Dnp3FunctionCode)_d.Function;

    public byte ApplicationControl => _d.ApplicationControl;

    public byte ApplicationSequence => (byte)(_d.ApplicationControl & Dnp3Constants.AppSeqMask);

    public bool IsUnsolicited => (_d.ApplicationControl & Dnp3Constants.AppUns) != 0;

    /// <summary>Internal indications (IIN1 high octet, IIN2 low octet) of a response; null for requests.</summary>
    public ushort? Iin => _d.HasIin ? _d.Iin : null;

    /// <summary>Object headers walked (at most <see cref="Dnp3Constants.MaxObjects"/>).</summary>
    public int ObjectCount => _d.ObjectCount;

    /// <summary>Points counted over all object headers.</summary>
    public long PointCount => _d.PointCount;

    public Dnp3Content Content => _d.Content;

    /// <summary>The paired request's function for a solicited response; null otherwise.</summary>
    public byte? RequestFunction => _d.Paired ? _d.RequestFunction : null;

    /// <summary>Walks the object headers again (bounded like the parse).</summary>
    public Dnp3ObjectReader ReadObjects() => new(Objects, _d.Function);

    /// <summary>An outstation response carrying device attributes that identify it (g0v242, 243, 246–248, 250, 252).</summary>
    public bool HasIdentity => (_d.Content & Dnp3Content.Identity) != 0;

    /// <summary>
    /// Device attributes (IEEE 1815-2012 §A.1, g0) to inventory attributes: 252 manufacturer → vendor,
    /// 250 product name and model → model, 242 software version → firmware, 248 serial number → serial,
    /// 246 user-assigned id and 247 device name → name.
    /// </summary>
    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (!HasIdentity) return;
        var objects = Objects;
        var reader = ReadObjects();
        while (reader.TryRead(out var header))
        {
            if (header.Group != 0 || header.DataLength == 0 || !Dnp3Parser.IsIdentityAttribute(header.Variation)) continue;
            var value = AttributeValue(objects.Slice(header.DataOffset, header.DataLength), header.PrefixLength);
            if (value.IsEmpty) continue;
            switch (header.Variation)
            {
                case 242: receiver.OnIdentity(IdentityField.Firmware, value, "dnp3 g0v242 software version"); break;
                case 246: receiver.OnIdentity(IdentityField.Name, value, "dnp3 g0v246 user-assigned id"); break;
                case 247: receiver.OnIdentity(IdentityField.Name, value, "dnp3 g0v247 user-assigned device name"); break;
                case 248: receiver.OnIdentity(IdentityField.Serial, value, "dnp3 g0v248 serial number"); break;
                case 250: receiver.OnIdentity(IdentityField.Model, value, "dnp3 g0v250 product name and model"); break;
                case 252: receiver.OnIdentity(IdentityField.Vendor, value, "dnp3 g0v252 device manufacturer"); break;
            }
        }
    }

    /// <summary>Value of the first attribute object in <paramref name="data"/>: skip prefix, data type and length octets.</summary>
    private static ReadOnlySpan<byte> AttributeValue(ReadOnlySpan<byte> data, int prefixLength)
    {
        if (data.Length < prefixLength + 2) return default;
        int length = data[prefixLength + 1];
        var rest = data[(prefixLength + 2)..];
        return length <= rest.Length ? rest[..length] : rest;
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var link = _d.Link;
        writer.WriteNumber(Dnp3Fields.Source, link.Source);
        writer.WriteNumber(Dnp3Fields.Destination, link.Destination);
        writer.WriteBoolean(Dnp3Fields.FromMaster, link.FromMaster);
        writer.WriteNumber(Dnp3Fields.LinkControl, link.Control);
        writer.WriteNumber(Dnp3Fields.LinkFunction, link.Function);
        WriteNameOrNull(writer, Dnp3Fields.LinkFunctionName, Dnp3Names.LinkFunction(link.IsPrimary, link.Function));
        writer.WriteNumber(Dnp3Fields.LinkFrames, _d.LinkFrames);
        writer.WriteNumber(Dnp3Fields.FragmentLength, _fragment.Length);
        if (_fragment.Length >= 1)
        {
            byte ac = _d.ApplicationControl;
            writer.WriteNumber(Dnp3Fields.ApplicationControl, ac);
            writer.WriteBoolean(Dnp3Fields.Fir, (ac & Dnp3Constants.AppFir) != 0);
            writer.WriteBoolean(Dnp3Fields.Fin, (ac & Dnp3Constants.AppFin) != 0);
            writer.WriteBoolean(Dnp3Fields.Confirm, (ac & Dnp3Constants.AppCon) != 0);
            writer.WriteBoolean(Dnp3Fields.Unsolicited, (ac & Dnp3Constants.AppUns) != 0);
            writer.WriteNumber(Dnp3Fields.ApplicationSequence, ac & Dnp3Constants.AppSeqMask);
        }

        if (_d.HasIin)
        {
            writer.WriteNumber(Dnp3Fields.Iin, _d.Iin);
            writer.WriteStartArray(Dnp3Fields.IinFlags);
            for (int bit = 0; bit < 16; bit++)
            {
                // Bit n of IIN1 is bit 8+n of the combined value; names run IIN1.0 first.
                int mask = bit < 8 ? 1 << (8 + bit) : 1 << (bit - 8);
                if ((_d.Iin & mask) != 0) writer.WriteStringValue(Dnp3Names.Iin(bit));
            }
            writer.WriteEndArray();
        }

        if (_d.Paired) writer.WriteNumber(Dnp3Fields.RequestFunction, _d.RequestFunction);
        writer.WriteNumber(Dnp3Fields.ObjectCount, _d.ObjectCount);
        writer.WriteNumber(Dnp3Fields.PointCount, _d.PointCount);
        WriteObjects(writer);
    }

    private void WriteObjects(Utf8JsonWriter writer)
    {
        var objects = Objects;
        var reader = ReadObjects();
        int written = 0;
        writer.WriteStartArray(Dnp3Fields.Objects);
        while (written < Dnp3Constants.MaxDetailEntries && reader.TryRead(out var header))
        {
            writer.WriteStartObject();
            writer.WriteNumber(Dnp3Fields.Group, header.Group);
            writer.WriteNumber(Dnp3Fields.Variation, header.Variation);
            writer.WriteNumber(Dnp3Fields.Qualifier, header.Qualifier);
            WriteNameOrNull(writer, Dnp3Fields.Name, Dnp3Names.Group(header.Group));
            if (header.HasRange)
            {
                writer.WriteNumber(Dnp3Fields.Start, header.Start);
                writer.WriteNumber(Dnp3Fields.Stop, header.Stop);
            }
            writer.WriteNumber(Dnp3Fields.Count, header.Count);
            writer.WriteEndObject();
            written++;
        }
        writer.WriteEndArray();

        // Further passes for the objects whose values matter to an analyst. One pass per JSON container,
        // so that an open array never receives a property.
        reader = ReadObjects();
        int controls = 0;
        while (reader.TryRead(out var header))
        {
            if (header.Group == 12 && header.Variation is 1 or 2 && header.DataLength > 0)
                controls = WriteCrobs(writer, header, objects.Slice(header.DataOffset, header.DataLength), controls);
        }
        if (controls > 0) writer.WriteEndArray();

        reader = ReadObjects();
        int analogs = 0;
        while (reader.TryRead(out var header))
        {
            if (header.Group == 41 && header.DataLength > 0)
                analogs = WriteAnalogOutputs(writer, header, objects.Slice(header.DataOffset, header.DataLength), analogs);
        }
        if (analogs > 0) writer.WriteEndArray();

        reader = ReadObjects();
        bool attributesOpen = false;
        while (reader.TryRead(out var header))
        {
            if (header.Group != 0 || header.DataLength == 0 || Dnp3Names.DeviceAttribute(header.Variation) is not string name) continue;
            var data = objects.Slice(header.DataOffset, header.DataLength);
            if (!attributesOpen) { writer.WriteStartObject(Dnp3Fields.DeviceAttributes); attributesOpen = true; }
            WriteAttribute(writer, name, AttributeType(data, header.PrefixLength), AttributeValue(data, header.PrefixLength));
        }
        if (attributesOpen) writer.WriteEndObject();

        reader = ReadObjects();
        bool timeWritten = false, delayWritten = false, fileWritten = false, saWritten = false;
        while (reader.TryRead(out var header))
        {
            var data = objects.Slice(header.DataOffset, header.DataLength);
            switch (header.Group)
            {
                case 50 when !timeWritten && data.Length >= header.PrefixLength + 6:
                    WriteTime(writer, data.Slice(header.PrefixLength, 6));
                    timeWritten = true;
                    break;
                case 52 when !delayWritten && data.Length >= header.PrefixLength + 2:
                    writer.WriteNumber(Dnp3Fields.TimeDelay, BinaryPrimitives.ReadUInt16LittleEndian(data[header.PrefixLength..]));
                    delayWritten = true;
                    break;
                case 70 when !fileWritten && header.Variation == 3 && header.HasSizePrefix:
                    fileWritten = WriteFileName(writer, data[Math.Min(header.PrefixLength, data.Length)..]);
                    break;
                case 120 when !saWritten:
                    WriteNameOrNull(writer, Dnp3Fields.SecureAuthentication, Dnp3Names.SecureAuthenticationMessage(header.Variation));
                    saWritten = true;
                    break;
            }
        }
    }

    /// <summary>CROB / pattern control block (g12v1, v2, 11 octets): code, count, on-time, off-time (ms, LE), status.</summary>
    private static int WriteCrobs(Utf8JsonWriter writer, in Dnp3ObjectHeader header, ReadOnlySpan<byte> data, int written)
    {
        int prefix = header.PrefixLength;
        int stride = prefix + 11;
        for (int i = 0; i + stride <= data.Length && written < Dnp3Constants.MaxDetailEntries; i += stride)
        {
            if (written == 0) writer.WriteStartArray(Dnp3Fields.Controls);
            var item = data.Slice(i, stride);
            writer.WriteStartObject();
            writer.WriteNumber(Dnp3Fields.Group, header.Group);
            writer.WriteNumber(Dnp3Fields.Variation, header.Variation);
            writer.WriteNumber(Dnp3Fields.Index, IndexOf(header, item, i / stride));
            var crob = item[prefix..];
            writer.WriteNumber(Dnp3Fields.ControlCode, crob[0]);
            WriteNameOrNull(writer, Dnp3Fields.Operation, Dnp3Names.CrobOperation(crob[0] & 0x0F));
            writer.WriteString(Dnp3Fields.TripClose, Dnp3Names.TripClose(crob[0] >> 6));
            writer.WriteNumber(Dnp3Fields.Count, crob[1]);
            writer.WriteNumber(Dnp3Fields.OnTime, BinaryPrimitives.ReadUInt32LittleEndian(crob[2..]));
            writer.WriteNumber(Dnp3Fields.OffTime, BinaryPrimitives.ReadUInt32LittleEndian(crob[6..]));
            writer.WriteNumber(Dnp3Fields.Status, crob[10]);
            writer.WriteEndObject();
            written++;
        }
        return written;
    }

    /// <summary>Analog output block (g41): v1 int32, v2 int16, v3 float32, v4 float64, each then a status octet.</summary>
    private static int WriteAnalogOutputs(Utf8JsonWriter writer, in Dnp3ObjectHeader header, ReadOnlySpan<byte> data, int written)
    {
        int size = Dnp3ObjectSizes.Of(41, header.Variation);
        if (size <= 0) return written;
        int prefix = header.PrefixLength;
        int stride = prefix + size;
        for (int i = 0; i + stride <= data.Length && written < Dnp3Constants.MaxDetailEntries; i += stride)
        {
            if (written == 0) writer.WriteStartArray(Dnp3Fields.AnalogOutputs);
            var item = data.Slice(i, stride);
            var value = item[prefix..];
            writer.WriteStartObject();
            writer.WriteNumber(Dnp3Fields.Variation, header.Variation);
            writer.WriteNumber(Dnp3Fields.Index, IndexOf(header, item, i / stride));
            switch (header.Variation)
            {
                case 1: writer.WriteNumber(Dnp3Fields.Value, BinaryPrimitives.ReadInt32LittleEndian(value)); break;
                case 2: writer.WriteNumber(Dnp3Fields.Value, BinaryPrimitives.ReadInt16LittleEndian(value)); break;
                case 3: WriteFloat(writer, BinaryPrimitives.ReadSingleLittleEndian(value)); break;
                default: WriteFloat(writer, BinaryPrimitives.ReadDoubleLittleEndian(value)); break;
            }
            writer.WriteNumber(Dnp3Fields.Status, value[size - 1]);
            writer.WriteEndObject();
            written++;
        }
        return written;
    }

    private static void WriteFloat(Utf8JsonWriter writer, double value)
    {
        // JSON has no NaN or infinity: write those as null rather than throw.
        if (double.IsFinite(value)) writer.WriteNumber(Dnp3Fields.Value, value);
        else writer.WriteNull(Dnp3Fields.Value);
    }

    /// <summary>Point index of the <paramref name="ordinal"/>-th object: its index prefix, or start + ordinal for a range.</summary>
    private static long IndexOf(in Dnp3ObjectHeader header, ReadOnlySpan<byte> item, int ordinal)
        => header.HasIndexPrefix ? Dnp3ObjectReader.ReadLittleEndian(item[..header.PrefixLength]) : (long)header.Start + ordinal;

    /// <summary>DNP3 absolute time: 48-bit milliseconds since 1970-01-01 UTC, little endian (§A.46).</summary>
    private static void WriteTime(Utf8JsonWriter writer, ReadOnlySpan<byte> value)
    {
        long ms = 0;
        for (int i = 5; i >= 0; i--) ms = (ms << 8) | value[i];
        const long maxMs = 253402300799999; // 9999-12-31T23:59:59.999Z, the last instant DateTime can hold
        if (ms <= maxMs) writer.WriteString(Dnp3Fields.Time, DateTime.UnixEpoch.AddMilliseconds(ms));
        else writer.WriteNumber(Dnp3Fields.Time, ms);
    }

    /// <summary>File command (g70v3): name offset (2), name size (2), time (6), permissions (2), auth key (4), size (4), mode (2), block (2), request id (2), name.</summary>
    private static bool WriteFileName(Utf8JsonWriter writer, ReadOnlySpan<byte> obj)
    {
        if (obj.Length < 26) return false;
        int offset = BinaryPrimitives.ReadUInt16LittleEndian(obj);
        int size = BinaryPrimitives.ReadUInt16LittleEndian(obj[2..]);
        if ((uint)offset > (uint)obj.Length || (uint)size > (uint)(obj.Length - offset)) return false;
        WriteText(writer, Dnp3Fields.FileName, obj.Slice(offset, size));
        return true;
    }

    private static byte AttributeType(ReadOnlySpan<byte> data, int prefixLength) => data.Length > prefixLength ? data[prefixLength] : (byte)0;

    /// <summary>Attribute value by data type (§A.1.1): 1 visible string, 2 unsigned, 3 signed integer; others as hex.</summary>
    private static void WriteAttribute(Utf8JsonWriter writer, string name, byte type, ReadOnlySpan<byte> value)
    {
        if (type is 2 or 3 && value.Length is > 0 and <= 4)
        {
            long number = Dnp3ObjectReader.ReadLittleEndian(value);
            if (type == 3 && value.Length < 8 && (value[^1] & 0x80) != 0) number -= 1L << (8 * value.Length);
            writer.WriteNumber(name, number);
            return;
        }
        if (type == 1) { WriteText(writer, name, value); return; }
        Span<char> chars = stackalloc char[2 * byte.MaxValue];
        Convert.TryToHexStringLower(value, chars, out int n);
        writer.WriteString(name, chars[..n]);
    }

    /// <summary>
    /// Writes device text as Latin-1: attribute strings are visible ASCII by spec but attacker-controlled, and
    /// Utf8JsonWriter rejects invalid UTF-8, so every byte maps to one char and the writer escapes it.
    /// </summary>
    private static void WriteText(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> value)
    {
        Span<char> chars = stackalloc char[byte.MaxValue];
        int n = Math.Min(value.Length, chars.Length);
        for (int i = 0; i < n; i++) chars[i] = (char)value[i];
        writer.WriteString(name, chars[..n]);
    }

    private static void WriteNameOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }
}
