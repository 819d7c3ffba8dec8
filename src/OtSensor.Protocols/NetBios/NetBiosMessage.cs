using System.Buffers.Binary;
using System.Text.Json;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Dns;
using OtSensor.Protocols.Naming;

namespace OtSensor.Protocols.NetBios;

/// <summary>One NetBIOS name service (UDP 137) or datagram service (UDP 138) message.</summary>
/// <remarks>
/// A <c>ref struct</c> over the datagram, valid only during <see cref="Registry.IProtocolEventSink.OnNetBios"/>.
/// Event-log contract: <c>function</c> is the name service opcode (0 query, 5 registration, …) or the datagram
/// message type (0x10–0x16); <c>service</c> says which ("ns" or "datagram"). Identity, only about the sender:
/// a registration or refresh request of a unique workstation (0x00) or server (0x20) name (the owner registers
/// itself, RFC 1002 §4.2.2); a node status answer's unique workstation name (the node lists its own names,
/// §4.2.18); a host or local master browser announcement: server name, announced OS version, comment
/// ([MS-BRWS] §2.2.1). Query answers are not identity: a WINS server answers for other nodes.
/// </remarks>
public readonly ref struct NetBiosMessage : IProtocolMessage
{
    private const string RegistrationSource = "netbios-ns name registration";
    private const string NodeStatusSource = "netbios-ns node status";
    private const string AnnouncementSource = "netbios browser host announcement";

    private readonly ReadOnlySpan<byte> _datagram;
    private readonly NetBiosDecoded _d;

    /// <summary>A message over <paramref name="datagram"/> whose fields the parser fills in place through <see cref="Fields"/>.</summary>
    internal NetBiosMessage(ReadOnlySpan<byte> datagram)
    {
        _datagram = datagram;
        _d = default;
    }

    /// <summary>The decoded fields, writable, for the parser only (messages are built in place: src/OtSensor.Protocols/README.md).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref NetBiosDecoded Fields => ref System.Runtime.CompilerServices.Unsafe.AsRef(in _d);

    public ProtocolId Protocol => ProtocolId.NetBios;

    public int Function => !_d.HasHeader ? -1 : _d.IsDatagram ? _d.MessageType : _d.Ns.Opcode;

    public string? FunctionName => !_d.HasHeader ? null : _d.IsDatagram ? NetBiosNames.MessageType(_d.MessageType) : NetBiosNames.Opcode(_d.Ns.Opcode);

    public OtOperation Operation => OtOperation.Discovery;

    public bool IsResponse => _d.IsDatagram
        ? _d.MessageType is NetBiosConstants.PositiveQueryResponse or NetBiosConstants.NegativeQueryResponse
        : _d.Ns.IsResponse;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public NetBiosAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => NetBiosNames.Anomaly(bit);

    public bool IsDatagramService => _d.IsDatagram;

    private bool IsRegistration
        => !_d.IsDatagram && _d.HasHeader && !_d.Ns.IsResponse && _d.HasNbFlags && (_d.NbFlags & NetBiosConstants.GroupFlag) == 0
           && _d.Ns.Opcode is NetBiosConstants.OpcodeRegistration or NetBiosConstants.OpcodeRefresh or NetBiosConstants.OpcodeRefreshAlt or NetBiosConstants.OpcodeMultiHomed;

    private bool IsAnnouncement
        => _d.BrowserOffset >= 0 && _d.BrowserLength >= NetBiosConstants.AnnouncementComment
           && _datagram[_d.BrowserOffset] is NetBiosConstants.HostAnnouncement or NetBiosConstants.LocalMasterAnnouncement;

    public bool HasIdentity
    {
        get
        {
            Span<byte> name = stackalloc byte[NetBiosConstants.NameLength];
            if (IsRegistration) return NetBiosName.TryDecode(_datagram, _d.NameOffset, name, out _) && name[15] is 0x00 or 0x20 && !NetBiosName.Trimmed(name).IsEmpty;
            if (_d.NodeStatusCount > 0 && _d.Ns.IsResponse) return FindNodeName(name) >= 0;
            return IsAnnouncement;
        }
    }

    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        Span<byte> name = stackalloc byte[NetBiosConstants.NameLength];
        if (IsRegistration)
        {
            if (NetBiosName.TryDecode(_datagram, _d.NameOffset, name, out _) && name[15] is 0x00 or 0x20 && !NetBiosName.Trimmed(name).IsEmpty)
                receiver.OnIdentity(IdentityField.Hostname, NetBiosName.Trimmed(name), RegistrationSource);
            return;
        }
        if (_d.NodeStatusCount > 0 && _d.Ns.IsResponse)
        {
            int entry = FindNodeName(name);
            if (entry >= 0) receiver.OnIdentity(IdentityField.Hostname, NetBiosName.Trimmed(_datagram.Slice(entry, 16)), NodeStatusSource);
            return;
        }
        if (!IsAnnouncement) return;
        var frame = _datagram.Slice(_d.BrowserOffset, _d.BrowserLength);
        var server = ServerName(frame);
        if (!server.IsEmpty) receiver.OnIdentity(IdentityField.Hostname, server, AnnouncementSource);
        Span<byte> os = stackalloc byte[32];
        "SMB browser OS version "u8.CopyTo(os);
        int n = 23;
        frame[NetBiosConstants.AnnouncementOsMajor].TryFormat(os[n..], out int w, default, System.Globalization.CultureInfo.InvariantCulture);
        n += w;
        os[n++] = (byte)'.';
        frame[NetBiosConstants.AnnouncementOsMinor].TryFormat(os[n..], out w, default, System.Globalization.CultureInfo.InvariantCulture);
        n += w;
        receiver.OnIdentity(IdentityField.OperatingSystem, os[..n], AnnouncementSource);
        var comment = Comment(frame);
        if (!comment.IsEmpty) receiver.OnIdentity(IdentityField.Description, comment, AnnouncementSource);
    }

    /// <summary>Offset of the first unique workstation (0x00) name of a node status answer; -1 when none.</summary>
    private int FindNodeName(Span<byte> scratch)
    {
        _ = scratch;
        for (int i = 0; i < _d.NodeStatusCount; i++)
        {
            int entry = _d.NodeStatusOffset + (18 * i);
            ushort flags = BinaryPrimitives.ReadUInt16BigEndian(_datagram[(entry + 16)..]);
            if (_datagram[entry + 15] == 0x00 && (flags & NetBiosConstants.GroupFlag) == 0 && !NetBiosName.Trimmed(_datagram.Slice(entry, 16)).IsEmpty) return entry;
        }
        return -1;
    }

    /// <summary>
    /// The announcement's server name: a NUL-terminated string in a 16-byte field ([MS-BRWS] §2.2.1); the bytes after
    /// the NUL are whatever the sender's buffer held.
    /// </summary>
    private static ReadOnlySpan<byte> ServerName(ReadOnlySpan<byte> frame)
    {
        var field = frame.Slice(NetBiosConstants.AnnouncementServerName, 16);
        int end = field.IndexOf((byte)0);
        return end < 0 ? field.TrimEnd((byte)' ') : field[..end].TrimEnd((byte)' ');
    }

    private static ReadOnlySpan<byte> Comment(ReadOnlySpan<byte> frame)
    {
        var rest = frame[NetBiosConstants.AnnouncementComment..];
        int end = rest.IndexOf((byte)0);
        if (end < 0) end = rest.Length;
        return rest[..Math.Min(end, NetBiosConstants.MaxComment)];
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!_d.HasHeader) return;
        if (_d.IsDatagram) WriteDatagram(writer);
        else WriteNameService(writer);
    }

    private void WriteNameService(Utf8JsonWriter writer)
    {
        writer.WriteString(NetBiosFields.Service, "ns");
        writer.WriteNumber(NetBiosFields.TransactionId, _d.Ns.Id);
        writer.WriteNumber(NetBiosFields.Rcode, _d.Ns.Rcode);
        writer.WriteBoolean(NetBiosFields.BroadcastFlag, (_d.Ns.Flags & 0x0010) != 0);
        Span<byte> name = stackalloc byte[NetBiosConstants.NameLength];
        if (_d.NameOffset >= 0 && NetBiosName.TryDecode(_datagram, _d.NameOffset, name, out _)) WriteName(writer, NetBiosFields.Name, NetBiosFields.Suffix, name);
        int type = _d.Ns.KeptQuestions > 0 ? _d.Ns.Questions[0].Type : _d.Ns.KeptRecords > 0 ? _d.Ns.Records[0].Type : -1;
        if (type == NetBiosConstants.TypeNb) writer.WriteString(NetBiosFields.RecordType, "NB");
        else if (type == NetBiosConstants.TypeNbstat) writer.WriteString(NetBiosFields.RecordType, "NBSTAT");
        if (_d.HasNbFlags)
        {
            writer.WriteBoolean(NetBiosFields.Group, (_d.NbFlags & NetBiosConstants.GroupFlag) != 0);
            NamingJson.WriteIPv4(writer, NetBiosFields.Address, _datagram.Slice(_d.NbAddressOffset, 4));
        }
        if (_d.NodeStatusCount > 0)
        {
            writer.WriteStartArray(NetBiosFields.NodeNames);
            for (int i = 0; i < Math.Min(_d.NodeStatusCount, 16); i++)
            {
                int entry = _d.NodeStatusOffset + (18 * i);
                writer.WriteStartObject();
                WriteName(writer, NetBiosFields.Name, NetBiosFields.Suffix, _datagram.Slice(entry, 16));
                writer.WriteBoolean(NetBiosFields.Group, (BinaryPrimitives.ReadUInt16BigEndian(_datagram[(entry + 16)..]) & NetBiosConstants.GroupFlag) != 0);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            if (_d.UnitIdOffset > 0) NamingJson.WriteMac(writer, NetBiosFields.UnitId, _datagram.Slice(_d.UnitIdOffset, 6));
        }
    }

    private void WriteDatagram(Utf8JsonWriter writer)
    {
        writer.WriteString(NetBiosFields.Service, "datagram");
        writer.WriteNumber(NetBiosFields.DatagramId, _d.DatagramId);
        NamingJson.WriteIPv4(writer, NetBiosFields.SourceIp, _datagram.Slice(4, 4));
        writer.WriteNumber(NetBiosFields.SourcePort, BinaryPrimitives.ReadUInt16BigEndian(_datagram[8..]));
        Span<byte> name = stackalloc byte[NetBiosConstants.NameLength];
        if (_d.SourceNameOffset >= 0 && NetBiosName.TryDecode(_datagram, _d.SourceNameOffset, name, out _))
            WriteName(writer, NetBiosFields.SourceName, NetBiosFields.SourceSuffix, name);
        if (_d.DestinationNameOffset >= 0 && NetBiosName.TryDecode(_datagram, _d.DestinationNameOffset, name, out _))
            WriteName(writer, NetBiosFields.DestinationName, NetBiosFields.DestinationSuffix, name);
        if (_d.BrowserOffset < 0) return;
        var frame = _datagram.Slice(_d.BrowserOffset, _d.BrowserLength);
        writer.WriteNumber(NetBiosFields.BrowserCommand, frame[0]);
        var commandName = NetBiosNames.BrowserCommand(frame[0]);
        if (commandName is null) writer.WriteNull(NetBiosFields.BrowserCommandName);
        else writer.WriteString(NetBiosFields.BrowserCommandName, commandName);
        // Host, local master and domain announcements share the layout ([MS-BRWS] §2.2.1, §2.2.6, §2.2.10).
        if (frame.Length >= NetBiosConstants.AnnouncementComment && frame[0] is NetBiosConstants.HostAnnouncement or NetBiosConstants.LocalMasterAnnouncement or NetBiosConstants.DomainAnnouncement)
        {
            NamingJson.WriteText(writer, NetBiosFields.ServerName, ServerName(frame));
            writer.WriteNumber(NetBiosFields.OsMajor, frame[NetBiosConstants.AnnouncementOsMajor]);
            writer.WriteNumber(NetBiosFields.OsMinor, frame[NetBiosConstants.AnnouncementOsMinor]);
            writer.WriteNumber(NetBiosFields.ServerType, BinaryPrimitives.ReadUInt32LittleEndian(frame[NetBiosConstants.AnnouncementServerType..]));
            NamingJson.WriteText(writer, NetBiosFields.Comment, Comment(frame));
        }
    }

    private static void WriteName(Utf8JsonWriter writer, string nameKey, string suffixKey, ReadOnlySpan<byte> name16)
    {
        NamingJson.WriteText(writer, nameKey, NetBiosName.Trimmed(name16));
        writer.WriteNumber(suffixKey, name16[15]);
    }
}
