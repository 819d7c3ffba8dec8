using System.Buffers.Text;
using System.Text.Json;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Cip;

namespace OtSensor.Protocols.Enip;

/// <summary>One EtherNet/IP encapsulation packet, or one class-1 implicit I/O datagram (UDP 2222).</summary>
/// <remarks>
/// A <c>ref struct</c> over the packet, valid only during <see cref="Registry.IProtocolEventSink.OnEnip"/>.
/// Event-log contract: <c>function</c> is the encapsulation command. An I/O datagram has no encapsulation header, so
/// its <c>function</c> is null (-1), as tshark, which counts those frames as ENIP but gives them no <c>enip.command</c>.
/// </remarks>
public readonly ref struct EnipMessage : IProtocolMessage
{
    private const string IdentitySource = "enip ListIdentity CIP Identity item (0x0C)";

    private readonly ReadOnlySpan<byte> _frame;
    private readonly EnipDecoded _d;

    /// <summary>A message over <paramref name="frame"/> whose fields the parser fills in place through <see cref="Fields"/>.</summary>
    internal EnipMessage(ReadOnlySpan<byte> frame)
    {
        _frame = frame;
        _d = default;
    }

    /// <summary>The decoded fields, writable, for the parser only (messages are built in place: src/OtSensor.Protocols/README.md).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref EnipDecoded Fields => ref System.Runtime.CompilerServices.Unsafe.AsRef(in _d);

    public ProtocolId Protocol => ProtocolId.Enip;

    public int Function => _d.IsIo || _frame.Length < EnipConstants.HeaderLength ? -1 : _d.Command;

    public string? FunctionName => Function < 0 ? null : EnipNames.Command(_d.Command);

    public OtOperation Operation => _d.Operation;

    public bool IsResponse => _d.IsResponse;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public EnipAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => EnipNames.Anomaly(bit);

    public ReadOnlySpan<byte> Frame => _frame;

    public bool IsIo => _d.IsIo;
    public ushort Command => _d.Command;
    public ushort Length => _d.Length;
    public uint SessionHandle => _d.SessionHandle;
    public uint Status => _d.Status;
    public ulong SenderContext => _d.SenderContext;

    /// <summary>Connection id of a connected (0xA1) or sequenced (0x8002) address item; null without one.</summary>
    public uint? ConnectionId => _d.HasConnection ? _d.ConnectionId : null;

    /// <summary>Encapsulation sequence number of a sequenced address item (class-1 I/O); null without one.</summary>
    public uint? Sequence => _d.HasSequence ? _d.Sequence : null;

    /// <summary>The CIP message of an unconnected (0xB2) or connected (0xB1, after its sequence count) data item.</summary>
    public ReadOnlySpan<byte> CipData => _frame.Slice(_d.CipOffset, _d.CipLength);

    /// <summary>True when <see cref="CipData"/> is a CIP explicit message (SendRRData/SendUnitData with a data item).</summary>
    public bool CarriesCip => !_d.IsIo && _d.DataItemType != 0 && _d.CipLength > 0
        && _d.Command is EnipConstants.SendRRData or EnipConstants.SendUnitData;

    public bool IsConnectedData => _d.DataItemType == EnipConstants.ConnectedDataItem;

    public ushort CipSequence => _d.CipSequence;

    public ushort VendorId => _d.VendorId;
    public ushort DeviceType => _d.DeviceType;
    public ushort ProductCode => _d.ProductCode;
    public byte RevisionMajor => _d.RevisionMajor;
    public byte RevisionMinor => _d.RevisionMinor;
    public uint Serial => _d.Serial;
    public ReadOnlySpan<byte> ProductName => _frame.Slice(_d.NameOffset, _d.NameLength);

    /// <summary>A ListIdentity reply states vendor, product code, product name, revision and serial of its sender.</summary>
    public bool HasIdentity => _d.HasIdentity;

    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (!_d.HasIdentity) return;
        var vendor = CipVendors.NameUtf8(_d.VendorId);
        Span<byte> text = stackalloc byte[16];
        if (vendor.IsEmpty)
        {
            Utf8Formatter.TryFormat(_d.VendorId, text, out int n);
            receiver.OnIdentity(IdentityField.Vendor, text[..n], IdentitySource);
        }
        else
        {
            receiver.OnIdentity(IdentityField.Vendor, vendor, IdentitySource);
        }

        Utf8Formatter.TryFormat(_d.ProductCode, text, out int written);
        receiver.OnIdentity(IdentityField.ProductCode, text[..written], IdentitySource);
        if (_d.NameLength > 0) receiver.OnIdentity(IdentityField.Model, ProductName, IdentitySource);
        receiver.OnIdentity(IdentityField.Firmware, text[..FormatRevision(text)], IdentitySource);
        receiver.OnIdentity(IdentityField.Serial, text[..FormatSerial(text)], IdentitySource);
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> text = stackalloc byte[24];
        if (_d.IsIo)
        {
            writer.WriteBoolean(EnipFields.Io, true);
            writer.WriteNumber(EnipFields.ItemCount, _d.ItemCount);
            if (_d.HasConnection) writer.WriteNumber(EnipFields.ConnectionId, _d.ConnectionId);
            if (_d.HasSequence) writer.WriteNumber(EnipFields.Sequence, _d.Sequence);
            writer.WriteNumber(EnipFields.IoDataLength, _d.CipLength);
            return;
        }

        if (_frame.Length < EnipConstants.HeaderLength) return;
        writer.WriteNumber(EnipFields.Length, _d.Length);
        writer.WriteNumber(EnipFields.SessionHandle, _d.SessionHandle);
        writer.WriteNumber(EnipFields.Status, _d.Status);
        if (EnipNames.Status(_d.Status) is { } statusName) writer.WriteString(EnipFields.StatusName, statusName);
        Span<char> hex = stackalloc char[16];
        Convert.TryToHexStringLower(_frame.Slice(12, 8), hex, out int hexLength);
        writer.WriteString(EnipFields.SenderContext, hex[..hexLength]);
        if (_d.Options != 0) writer.WriteNumber(EnipFields.Options, _d.Options);
        if (_d.HasProtocolVersion) writer.WriteNumber(EnipFields.ProtocolVersion, _d.ProtocolVersion);
        if (_d.HasSendData)
        {
            writer.WriteNumber(EnipFields.InterfaceHandle, _d.InterfaceHandle);
            writer.WriteNumber(EnipFields.Timeout, _d.Timeout);
        }

        if (_d.ItemCount > 0) writer.WriteNumber(EnipFields.ItemCount, _d.ItemCount);
        if (_d.HasConnection) writer.WriteNumber(EnipFields.ConnectionId, _d.ConnectionId);
        if (_d.HasSequence) writer.WriteNumber(EnipFields.Sequence, _d.Sequence);
        if (_d.HasCipSequence) writer.WriteNumber(EnipFields.CipSequence, _d.CipSequence);
        if (_d.HasCapabilities) writer.WriteNumber(EnipFields.ServiceCapabilities, _d.Capabilities);
        if (!_d.HasIdentity) return;

        writer.WriteNumber(EnipFields.EncapsulationVersion, _d.EncapsulationVersion);
        writer.WriteString(EnipFields.SocketAddress, text[..FormatSocket(text)]);
        writer.WriteNumber(EnipFields.VendorId, _d.VendorId);
        if (CipVendors.Name(_d.VendorId) is { } vendorName) writer.WriteString(EnipFields.VendorName, vendorName);
        writer.WriteNumber(EnipFields.DeviceType, _d.DeviceType);
        writer.WriteNumber(EnipFields.ProductCode, _d.ProductCode);
        writer.WriteString(EnipFields.Revision, text[..FormatRevision(text)]);
        writer.WriteNumber(EnipFields.DeviceStatus, _d.DeviceStatus);
        writer.WriteString(EnipFields.Serial, text[..FormatSerial(text)]);
        Span<char> name = stackalloc char[byte.MaxValue];
        var bytes = ProductName;
        for (int i = 0; i < bytes.Length; i++) name[i] = (char)bytes[i]; // Latin-1: attacker bytes never break the writer
        writer.WriteString(EnipFields.ProductName, name[..bytes.Length]);
        if (_d.HasState) writer.WriteNumber(EnipFields.State, _d.State);
    }

    /// <summary>"major.minor" (Identity attribute 4: USINT major, USINT minor).</summary>
    private int FormatRevision(Span<byte> text)
    {
        Utf8Formatter.TryFormat(_d.RevisionMajor, text, out int n);
        text[n++] = (byte)'.';
        Utf8Formatter.TryFormat(_d.RevisionMinor, text[n..], out int m);
        return n + m;
    }

    /// <summary>"0x" and eight lower-case hex digits, as tshark shows <c>enip.lir.serial</c>.</summary>
    private int FormatSerial(Span<byte> text)
    {
        text[0] = (byte)'0';
        text[1] = (byte)'x';
        Utf8Formatter.TryFormat(_d.Serial, text[2..], out int n, new System.Buffers.StandardFormat('x', 8));
        return 2 + n;
    }

    private int FormatSocket(Span<byte> text)
    {
        int n = 0;
        for (int shift = 24; shift >= 0; shift -= 8)
        {
            Utf8Formatter.TryFormat((byte)(_d.SocketAddress >> shift), text[n..], out int w);
            n += w;
            text[n++] = shift == 0 ? (byte)':' : (byte)'.';
        }
        Utf8Formatter.TryFormat(_d.SocketPort, text[n..], out int p);
        return n + p;
    }
}
