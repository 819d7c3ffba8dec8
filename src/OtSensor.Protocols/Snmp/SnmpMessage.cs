using System.Text.Json;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Naming;

namespace OtSensor.Protocols.Snmp;

/// <summary>One SNMP message: version, PDU type, request id, error status and the first variable bindings.</summary>
/// <remarks>
/// A <c>ref struct</c> over the datagram, valid only during <see cref="Registry.IProtocolEventSink.OnSnmp"/>.
/// Event-log contract: <c>function</c> is the PDU type (0 get … 8 report), -1 when there is none (encrypted v3).
/// The community string is a credential: only its length is written. Identity, only from a Response (the agent
/// speaks about itself, RFC 3418 system group): sysName.0 → hostname, sysDescr.0 → description, sysObjectID.0 →
/// product code as dotted text.
/// </remarks>
public readonly ref struct SnmpMessage : IProtocolMessage
{
    private const string SysNameSource = "snmp sysName.0";
    private const string SysDescrSource = "snmp sysDescr.0";
    private const string SysObjectIdSource = "snmp sysObjectID.0";

    private readonly ReadOnlySpan<byte> _datagram;
    private readonly SnmpDecoded _d;

    /// <summary>A message over <paramref name="datagram"/> whose fields the parser fills in place through <see cref="Fields"/>.</summary>
    internal SnmpMessage(ReadOnlySpan<byte> datagram)
    {
        _datagram = datagram;
        _d = default;
    }

    /// <summary>The decoded fields, writable, for the parser only (messages are built in place: src/OtSensor.Protocols/README.md).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref SnmpDecoded Fields => ref System.Runtime.CompilerServices.Unsafe.AsRef(in _d);

    public ProtocolId Protocol => ProtocolId.Snmp;

    public int Function => _d.PduType;

    public string? FunctionName => SnmpNames.Pdu(_d.PduType);

    public OtOperation Operation => _d.PduType switch
    {
        SnmpConstants.PduGet or SnmpConstants.PduGetNext or SnmpConstants.PduGetBulk or SnmpConstants.PduResponse => OtOperation.Read,
        SnmpConstants.PduSet => OtOperation.Write,
        _ => OtOperation.Other,
    };

    public bool IsResponse => _d.PduType is SnmpConstants.PduResponse or SnmpConstants.PduReport;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public SnmpAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => SnmpNames.Anomaly(bit);

    public bool HasIdentity => _d.SysNameLength > 0 || _d.SysDescrLength > 0 || _d.SysObjectIdLength > 0;

    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (_d.SysNameLength > 0) receiver.OnIdentity(IdentityField.Hostname, _datagram.Slice(_d.SysNameOffset, _d.SysNameLength), SysNameSource);
        if (_d.SysDescrLength > 0) receiver.OnIdentity(IdentityField.Description, _datagram.Slice(_d.SysDescrOffset, _d.SysDescrLength), SysDescrSource);
        if (_d.SysObjectIdLength > 0)
        {
            Span<byte> text = stackalloc byte[SnmpConstants.MaxOidText];
            int n = SnmpOid.FormatUtf8(_datagram.Slice(_d.SysObjectIdOffset, _d.SysObjectIdLength), text);
            if (n > 0) receiver.OnIdentity(IdentityField.ProductCode, text[..n], SysObjectIdSource);
        }
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_d.Version < 0) return;
        writer.WriteNumber(SnmpFields.Version, _d.Version);
        var version = SnmpNames.Version(_d.Version);
        if (version is not null) writer.WriteString(SnmpFields.VersionName, version);
        if (_d.Version == SnmpConstants.Version3)
        {
            writer.WriteNumber(SnmpFields.MessageId, _d.MessageId);
            writer.WriteNumber(SnmpFields.SecurityModel, _d.SecurityModel);
            writer.WriteNumber(SnmpFields.MessageFlags, _d.MessageFlags);
            writer.WriteBoolean(SnmpFields.Encrypted, _d.Encrypted);
        }
        else
        {
            writer.WriteNumber(SnmpFields.CommunityLength, _d.CommunityLength);
        }
        if (_d.PduType < 0) return;
        if (_d.PduType != SnmpConstants.PduTrapV1)
        {
            writer.WriteNumber(SnmpFields.RequestId, _d.RequestId);
            writer.WriteNumber(SnmpFields.ErrorStatus, _d.ErrorStatus);
            if (_d.PduType != SnmpConstants.PduGetBulk)
            {
                var error = SnmpNames.Error(_d.ErrorStatus);
                if (error is null) writer.WriteNull(SnmpFields.ErrorStatusName);
                else writer.WriteString(SnmpFields.ErrorStatusName, error);
            }
            writer.WriteNumber(SnmpFields.ErrorIndex, _d.ErrorIndex);
        }
        writer.WriteNumber(SnmpFields.VarbindCount, _d.VarbindCount);
        Span<char> oid = stackalloc char[SnmpConstants.MaxOidText];
        if (_d.KeptVarbinds > 0)
        {
            writer.WriteStartArray(SnmpFields.Varbinds);
            for (int i = 0; i < _d.KeptVarbinds; i++)
            {
                var vb = _d.Varbinds[i];
                writer.WriteStartObject();
                writer.WriteString(SnmpFields.Oid, oid[..SnmpOid.Format(_datagram.Slice(vb.OidOffset, vb.OidLength), oid)]);
                writer.WriteNumber(SnmpFields.Type, vb.ValueTag);
                WriteValue(writer, vb.ValueTag, _datagram.Slice(vb.ValueOffset, vb.ValueLength), oid);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        if (_d.SysNameLength > 0) NamingJson.WriteText(writer, SnmpFields.SysName, _datagram.Slice(_d.SysNameOffset, _d.SysNameLength));
        if (_d.SysDescrLength > 0) NamingJson.WriteText(writer, SnmpFields.SysDescr, _datagram.Slice(_d.SysDescrOffset, _d.SysDescrLength));
        if (_d.SysObjectIdLength > 0) writer.WriteString(SnmpFields.SysObjectId, oid[..SnmpOid.Format(_datagram.Slice(_d.SysObjectIdOffset, _d.SysObjectIdLength), oid)]);
    }

    /// <summary>INTEGER, Counter, Gauge, TimeTicks → number; OCTET STRING → text; OID → dotted; IpAddress → IPv4; NULL and exceptions → nothing.</summary>
    private static void WriteValue(Utf8JsonWriter writer, byte tag, ReadOnlySpan<byte> value, Span<char> scratch)
    {
        switch (tag)
        {
            case SnmpConstants.TagInteger:
                writer.WriteNumber(SnmpFields.Value, SnmpParser.ReadInteger(value));
                break;
            case 0x41 or 0x42 or 0x43 or 0x46 when value.Length <= 9: // Counter32, Gauge32, TimeTicks, Counter64 (RFC 2578 §2)
                ulong n = 0;
                foreach (byte b in value) n = (n << 8) | b;
                writer.WriteNumber(SnmpFields.Value, n);
                break;
            case SnmpConstants.TagOctetString:
                NamingJson.WriteText(writer, SnmpFields.Value, value);
                break;
            case SnmpConstants.TagOid:
                writer.WriteString(SnmpFields.Value, scratch[..SnmpOid.Format(value, scratch)]);
                break;
            case 0x40 when value.Length == 4: // IpAddress
                NamingJson.WriteIPv4(writer, SnmpFields.Value, value);
                break;
        }
    }
}
