using System.Text.Json;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.ProfinetDcp;

/// <summary>One PROFINET DCP PDU as decoded: service, Xid and the values of its blocks.</summary>
/// <remarks>
/// A <c>ref struct</c> over the frame payload after the FrameID, valid only during
/// <see cref="Registry.IProtocolEventSink.OnProfinetDcp"/>. Event-log contract: <c>function</c> is the DCP
/// ServiceID (tshark <c>pn_dcp.service_id</c>), with <c>serviceType</c>, <c>xid</c> and <c>frameId</c>.
/// NameOfStation in an Identify request is the filter the controller looks for; in an Identify or Get response
/// and in a Hello it is the sender's own name, and only those report identity.
/// </remarks>
public readonly ref struct ProfinetDcpMessage : IProtocolMessage
{
    private const string NameSource = "profinet-dcp NameOfStation (2/2)";
    private const string ModelSource = "profinet-dcp DeviceVendorValue (2/1)";
    private const string ProductSource = "profinet-dcp DeviceID (2/3) vendorId/deviceId";

    private readonly ReadOnlySpan<byte> _pdu;
    private readonly ProfinetDcpDecoded _d;

    /// <summary>A message over <paramref name="pdu"/> whose fields the parser fills in place through <see cref="Fields"/>.</summary>
    internal ProfinetDcpMessage(ReadOnlySpan<byte> pdu)
    {
        _pdu = pdu;
        _d = default;
    }

    /// <summary>The decoded fields, writable, for the parser only (messages are built in place: src/OtSensor.Protocols/README.md).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref ProfinetDcpDecoded Fields => ref System.Runtime.CompilerServices.Unsafe.AsRef(in _d);

    public ProtocolId Protocol => ProtocolId.ProfinetDcp;

    /// <summary>DCP ServiceID; -1 when the PDU is too short to hold one.</summary>
    public int Function => _d.ServiceId;

    public string? FunctionName => ProfinetDcpNames.Service(_d.ServiceId);

    public OtOperation Operation => _d.Operation;

    public bool IsResponse => ProfinetDcpParser.IsResponseType(_d.ServiceType);

    public ulong Anomalies => (ulong)_d.Anomalies;

    public ProfinetDcpAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => ProfinetDcpNames.Anomaly(bit);

    public int FrameId => _d.FrameId;

    public int ServiceType => _d.ServiceType;

    public long Xid => _d.Xid;

    public int BlockCount => _d.BlockCount;

    /// <summary>NameOfStation (2/2) up to the first NUL; empty when absent.</summary>
    public ReadOnlySpan<byte> NameOfStation => Text(_d.NameOffset, _d.NameLength);

    /// <summary>DeviceVendorValue (2/1), the device's type of station (e.g. "S7-300EC"); empty when absent.</summary>
    public ReadOnlySpan<byte> DeviceVendor => Text(_d.VendorTextOffset, _d.VendorTextLength);

    public ReadOnlySpan<byte> AliasName => Text(_d.AliasOffset, _d.AliasLength);

    public int VendorId => _d.VendorId;

    public int DeviceId => _d.DeviceId;

    public int DeviceRole => _d.DeviceRole;

    /// <summary>IP address of an IP parameter or full IP suite block; empty when absent.</summary>
    public ReadOnlySpan<byte> IPAddress => _d.IpOffset >= 0 ? _pdu.Slice(_d.IpOffset, 4) : default;

    public bool IsFactoryReset => _d.FactoryReset;

    /// <summary>A device speaking of itself: an Identify or Get response (success), or a Hello.</summary>
    private bool FromDevice => (_d.ServiceType == ProfinetDcpConstants.ServiceTypeResponseSuccess
            && (ProfinetDcpServiceId)_d.ServiceId is ProfinetDcpServiceId.Identify or ProfinetDcpServiceId.Get)
        || ((ProfinetDcpServiceId)_d.ServiceId == ProfinetDcpServiceId.Hello && _d.ServiceType == ProfinetDcpConstants.ServiceTypeRequest);

    public bool HasIdentity => FromDevice && (_d.NameLength > 0 || _d.VendorTextLength > 0 || _d.VendorId >= 0);

    /// <summary>
    /// NameOfStation → name; DeviceVendorValue (the type of station, a product designation such as "S7-300EC",
    /// not the manufacturer) → model; VendorID/DeviceID → product code "0xVVVV/0xDDDD" (the pair identifies the
    /// product in its GSDML file; the vendor id alone names no company without the PI vendor list).
    /// </summary>
    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (!FromDevice) return;
        if (_d.NameLength > 0) receiver.OnIdentity(IdentityField.Name, NameOfStation, NameSource);
        if (_d.VendorTextLength > 0) receiver.OnIdentity(IdentityField.Model, DeviceVendor, ModelSource);
        if (_d.VendorId >= 0)
        {
            Span<byte> text = stackalloc byte[13];
            WriteHex16(text, 0, _d.VendorId);
            text[6] = (byte)'/';
            WriteHex16(text, 7, _d.DeviceId);
            receiver.OnIdentity(IdentityField.ProductCode, text, ProductSource);
        }
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber(ProfinetDcpFields.FrameId, _d.FrameId);
        if (_d.ServiceType >= 0)
        {
            writer.WriteNumber(ProfinetDcpFields.ServiceType, _d.ServiceType);
            writer.WriteString(ProfinetDcpFields.ServiceTypeName, ProfinetDcpNames.ServiceType(_d.ServiceType));
        }
        if (_d.Xid >= 0) writer.WriteNumber(ProfinetDcpFields.Xid, _d.Xid);
        WriteIfPresent(writer, ProfinetDcpFields.ResponseDelay, _d.ResponseDelay);
        WriteIfPresent(writer, ProfinetDcpFields.DataLength, _d.DataLength);
        writer.WriteNumber(ProfinetDcpFields.BlockCount, _d.BlockCount);
        if (_d.NameOffset >= 0) ProfinetText.Write(writer, ProfinetDcpFields.NameOfStation, NameOfStation);
        if (_d.VendorTextOffset >= 0) ProfinetText.Write(writer, ProfinetDcpFields.DeviceVendor, DeviceVendor);
        if (_d.AliasOffset >= 0) ProfinetText.Write(writer, ProfinetDcpFields.AliasName, AliasName);
        WriteIfPresent(writer, ProfinetDcpFields.VendorId, _d.VendorId);
        WriteIfPresent(writer, ProfinetDcpFields.DeviceId, _d.DeviceId);
        WriteIfPresent(writer, ProfinetDcpFields.DeviceRole, _d.DeviceRole);
        WriteIfPresent(writer, ProfinetDcpFields.DeviceInstance, _d.DeviceInstance);
        WriteIfPresent(writer, ProfinetDcpFields.OemVendorId, _d.OemVendorId);
        WriteIfPresent(writer, ProfinetDcpFields.OemDeviceId, _d.OemDeviceId);
        if (_d.MacOffset >= 0) ProfinetText.WriteMac(writer, ProfinetDcpFields.Mac, _pdu.Slice(_d.MacOffset, 6));
        if (_d.IpOffset >= 0)
        {
            var ip = _pdu.Slice(_d.IpOffset, 12);
            ProfinetText.WriteIPv4(writer, ProfinetDcpFields.Ip, ip);
            ProfinetText.WriteIPv4(writer, ProfinetDcpFields.SubnetMask, ip[4..]);
            ProfinetText.WriteIPv4(writer, ProfinetDcpFields.Gateway, ip[8..]);
            WriteIfPresent(writer, ProfinetDcpFields.IpBlockInfo, _d.IpBlockInfo);
        }
        WriteIfPresent(writer, ProfinetDcpFields.SignalValue, _d.SignalValue);
        if (_d.ResponseError >= 0)
        {
            writer.WriteNumber(ProfinetDcpFields.ResponseOption, _d.ResponseOption);
            writer.WriteNumber(ProfinetDcpFields.ResponseSuboption, _d.ResponseSuboption);
            writer.WriteNumber(ProfinetDcpFields.ResponseError, _d.ResponseError);
        }
        WriteIfPresent(writer, ProfinetDcpFields.DeviceInitiative, _d.DeviceInitiative);
        if (_d.AllSelector) writer.WriteBoolean(ProfinetDcpFields.AllSelector, true);
        if (_d.BlockCount > 0) WriteBlocks(writer);
    }

    /// <summary>The blocks in wire order by name ("nameOfStation", "stop", ...), or "o/s" numbers when unnamed.</summary>
    private void WriteBlocks(Utf8JsonWriter writer)
    {
        writer.WriteStartArray(ProfinetDcpFields.Options);
        var reader = new ProfinetDcpBlockReader(_pdu[_d.DataOffset.._d.DataEnd], _d.Layout);
        Span<byte> text = stackalloc byte[7];
        for (int i = 0; i < _d.BlockCount && reader.TryRead(out var block); i++)
        {
            var name = ProfinetDcpNames.Block(block.Option, block.Suboption);
            if (name is not null)
            {
                writer.WriteStringValue(name);
                continue;
            }
            System.Buffers.Text.Utf8Formatter.TryFormat(block.Option, text, out int n);
            text[n++] = (byte)'/';
            System.Buffers.Text.Utf8Formatter.TryFormat(block.Suboption, text[n..], out int m);
            writer.WriteStringValue(text[..(n + m)]);
        }
        writer.WriteEndArray();
    }

    private ReadOnlySpan<byte> Text(int offset, int length) => offset >= 0 && length > 0 ? _pdu.Slice(offset, length) : default;

    private static void WriteHex16(Span<byte> text, int at, int value)
    {
        const string Hex = "0123456789abcdef";
        text[at] = (byte)'0';
        text[at + 1] = (byte)'x';
        for (int i = 0; i < 4; i++) text[at + 2 + i] = (byte)Hex[(value >> (12 - (4 * i))) & 0xF];
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, long value)
    {
        if (value >= 0) writer.WriteNumber(name, value);
    }
}
