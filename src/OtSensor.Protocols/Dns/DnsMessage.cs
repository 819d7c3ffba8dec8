using System.Buffers.Binary;
using System.Text.Json;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Naming;

namespace OtSensor.Protocols.Dns;

/// <summary>One DNS, LLMNR or mDNS message (they share RFC 1035's format): header, first questions and records.</summary>
/// <remarks>
/// A <c>ref struct</c> over the message, valid only during <see cref="Registry.IProtocolEventSink.OnDns"/>.
/// Event-log contract: <c>protocol</c> is "dns", "llmnr" or "mdns" by the module that recognised the flow;
/// <c>function</c> is the type of the first question (-1 when there is none, as in most mDNS announcements);
/// <c>rcode</c>, counts and the first <see cref="DnsConstants.KeptRecords"/> records (name, type, TTL, address or
/// target) are in details. Whether a message is a response comes from the QR bit, not the UDP direction.
/// Identity: see <see cref="DnsIdentity"/> (never for plain DNS, whose answers are about other hosts).
/// </remarks>
public readonly ref struct DnsMessage : IProtocolMessage
{
    private readonly ReadOnlySpan<byte> _message;
    private readonly DnsDecoded _d;

    /// <summary>A message over <paramref name="message"/> whose fields the parser fills in place through <see cref="Fields"/>.</summary>
    internal DnsMessage(ReadOnlySpan<byte> message)
    {
        _message = message;
        _d = default;
    }

    /// <summary>The decoded fields, writable, for the parser only (messages are built in place: src/OtSensor.Protocols/README.md).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref DnsDecoded Fields => ref System.Runtime.CompilerServices.Unsafe.AsRef(in _d);

    public ProtocolId Protocol => _d.Protocol;

    /// <summary>Type of the first question; -1 when the message has none.</summary>
    public int Function => _d.FirstQuestionType;

    public string? FunctionName => _d.FirstQuestionType >= 0 ? DnsNames.Type(_d.FirstQuestionType) : null;

    /// <summary>mDNS and LLMNR resolve names on the link (discovery); plain DNS is name resolution (other).</summary>
    public OtOperation Operation => _d.Protocol == ProtocolId.Dns ? OtOperation.Other : OtOperation.Discovery;

    public bool IsResponse => _d.IsResponse;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public DnsAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => DnsNames.Anomaly(bit);

    public ushort Id => _d.Id;

    public int Opcode => _d.Opcode;

    public int Rcode => _d.Rcode;

    public int QuestionCount => _d.QuestionCount;

    public int AnswerCount => _d.AnswerCount;

    /// <summary>The message bytes (without a TCP length prefix).</summary>
    public ReadOnlySpan<byte> Raw => _message;

    /// <summary>An LLMNR or mDNS response with records naming its sender (unique A/AAAA) or its model (TXT).</summary>
    public bool HasIdentity => _d.IdentityRecords > 0;

    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (_d.IdentityRecords == 0) return;
        var walker = new DnsRecordWalker(_message, in _d);
        while (walker.MoveNext())
        {
            var r = walker.Current;
            if (DnsIdentity.States(_message, in r, _d.Protocol, _d.IsResponse)) DnsIdentity.Report(_message, in r, _d.Protocol, receiver);
        }
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!_d.HasHeader) return;
        writer.WriteNumber(DnsFields.Id, _d.Id);
        writer.WriteNumber(DnsFields.Opcode, _d.Opcode);
        WriteNameOrNull(writer, DnsFields.OpcodeName, DnsNames.Opcode(_d.Opcode));
        writer.WriteNumber(DnsFields.Rcode, _d.Rcode);
        WriteNameOrNull(writer, DnsFields.RcodeName, DnsNames.Rcode(_d.Rcode));
        writer.WriteBoolean(DnsFields.Authoritative, (_d.Flags & DnsConstants.FlagAa) != 0);
        writer.WriteBoolean(DnsFields.Truncated, (_d.Flags & DnsConstants.FlagTc) != 0);
        writer.WriteBoolean(DnsFields.RecursionDesired, (_d.Flags & DnsConstants.FlagRd) != 0);
        writer.WriteBoolean(DnsFields.RecursionAvailable, (_d.Flags & DnsConstants.FlagRa) != 0);
        writer.WriteNumber(DnsFields.QuestionCount, _d.QuestionCount);
        writer.WriteNumber(DnsFields.AnswerCount, _d.AnswerCount);
        writer.WriteNumber(DnsFields.AuthorityCount, _d.AuthorityCount);
        writer.WriteNumber(DnsFields.AdditionalCount, _d.AdditionalCount);
        Span<byte> text = stackalloc byte[DnsConstants.MaxNameText];
        bool mdns = _d.Protocol == ProtocolId.Mdns;
        if (_d.KeptQuestions > 0)
        {
            writer.WriteStartArray(DnsFields.Questions);
            for (int i = 0; i < _d.KeptQuestions; i++)
            {
                var q = _d.Questions[i];
                writer.WriteStartObject();
                WriteName(writer, DnsFields.Name, q.NameOffset, text);
                WriteType(writer, q.Type);
                writer.WriteNumber(DnsFields.Class, mdns ? q.Class & ~DnsConstants.MdnsClassTopBit : q.Class);
                if (mdns) writer.WriteBoolean(DnsFields.UnicastResponse, (q.Class & DnsConstants.MdnsClassTopBit) != 0);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        if (_d.KeptRecords > 0)
        {
            writer.WriteStartArray(DnsFields.Records);
            for (int i = 0; i < _d.KeptRecords; i++) WriteRecord(writer, _d.Records[i], text, mdns);
            writer.WriteEndArray();
        }
    }

    private void WriteRecord(Utf8JsonWriter writer, in DnsRecordRef r, Span<byte> text, bool mdns)
    {
        writer.WriteStartObject();
        writer.WriteString(DnsFields.Section, DnsNames.Section(r.Section));
        WriteName(writer, DnsFields.Name, r.NameOffset, text);
        WriteType(writer, r.Type);
        if (r.Type != DnsConstants.TypeOpt)
        {
            writer.WriteNumber(DnsFields.Class, mdns ? r.Class & ~DnsConstants.MdnsClassTopBit : r.Class);
            if (mdns) writer.WriteBoolean(DnsFields.CacheFlush, (r.Class & DnsConstants.MdnsClassTopBit) != 0);
            writer.WriteNumber(DnsFields.Ttl, r.Ttl);
        }
        var data = _message.Slice(r.DataOffset, r.DataLength);
        switch (r.Type)
        {
            case DnsConstants.TypeA when data.Length == 4:
                NamingJson.WriteIPv4(writer, DnsFields.Address, data);
                break;
            case DnsConstants.TypeAaaa when data.Length == 16:
                NamingJson.WriteIPv6(writer, DnsFields.Address, data);
                break;
            case DnsConstants.TypeCname or DnsConstants.TypePtr or DnsConstants.TypeNs or DnsConstants.TypeDname:
                WriteName(writer, DnsFields.Target, r.DataOffset, text);
                break;
            case DnsConstants.TypeSrv when data.Length >= 7:
                writer.WriteNumber(DnsFields.Port, BinaryPrimitives.ReadUInt16BigEndian(data[4..]));
                WriteName(writer, DnsFields.Target, r.DataOffset + 6, text);
                break;
            case DnsConstants.TypeTxt:
                WriteTxt(writer, data);
                break;
            default:
                writer.WriteNumber(DnsFields.DataLength, data.Length);
                break;
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes a name, or null when it does not decode (the anomaly is already on the message).</summary>
    private void WriteName(Utf8JsonWriter writer, string key, int offset, Span<byte> text)
    {
        if (DnsName.Read(_message, offset, text, out int n, out _) == DnsAnomalies.None) NamingJson.WriteText(writer, key, text[..n]);
        else writer.WriteNull(key);
    }

    private static void WriteType(Utf8JsonWriter writer, int type)
    {
        writer.WriteNumber(DnsFields.Type, type);
        WriteNameOrNull(writer, DnsFields.TypeName, DnsNames.Type(type));
    }

    /// <summary>TXT character-strings (RFC 1035 §3.3.14), the first eight, as an array.</summary>
    private static void WriteTxt(Utf8JsonWriter writer, ReadOnlySpan<byte> data)
    {
        writer.WriteStartArray(DnsFields.Text);
        int pos = 0;
        for (int i = 0; i < 8 && pos < data.Length; i++)
        {
            int length = data[pos++];
            if (length > data.Length - pos) break;
            NamingJson.WriteTextValue(writer, data.Slice(pos, length));
            pos += length;
        }
        writer.WriteEndArray();
    }

    private static void WriteNameOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }
}
