using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text.Json;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.HartIp;

/// <summary>One HART-IP message: header, and the HART frame (or Direct PDU's first command) it carries.</summary>
/// <remarks>
/// A <c>ref struct</c> over the message bytes, valid only during <see cref="Registry.IProtocolEventSink.OnHartIp"/>.
/// <see cref="Function"/> is the HART-IP message id (HCF_SPEC-85); the HART command is <see cref="Command"/>.
/// A Read Unique Identifier (command 0) response states manufacturer, device type, revisions and device id;
/// a Read Long Tag (command 20) response states the device's tag (HCF_SPEC-127).
/// </remarks>
public readonly ref struct HartIpMessage : IProtocolMessage
{
    private const string Command0Source = "hart-ip command 0 (Read Unique Identifier) response";
    private const string Command20Source = "hart-ip command 20 (Read Long Tag) response";
    private const int LongTagLength = 32;

    private readonly ReadOnlySpan<byte> _message;
    private readonly HartIpDecoded _d;

    internal HartIpMessage(ReadOnlySpan<byte> message, scoped in HartIpDecoded decoded)
    {
        _message = message;
        _d = decoded;
    }

    public ProtocolId Protocol => ProtocolId.HartIp;

    /// <summary>HART-IP message id.</summary>
    public int Function => _d.MessageId;

    public string? FunctionName => HartIpNames.MessageId(_d.MessageId);

    public OtOperation Operation => _d.MessageId switch
    {
        HartIpConstants.TokenPassingPdu or HartIpConstants.DirectPdu when _d.Command >= 0 => HartIpNames.CommandOperation(_d.Command),
        HartIpConstants.KeepAlive => OtOperation.None,
        HartIpConstants.ReadAuditLog => OtOperation.Diagnostics,
        HartIpConstants.Discovery => OtOperation.Discovery,
        _ => OtOperation.Other,
    };

    public bool IsResponse => _d.MessageType != HartIpConstants.MessageTypeRequest;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public HartIpAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => HartIpNames.Anomaly(bit);

    public byte Version => _d.Version;
    public byte MessageType => _d.MessageType;
    public byte MessageId => _d.MessageId;
    public byte Status => _d.Status;
    public ushort Sequence => _d.Sequence;
    public ushort ByteCount => _d.ByteCount;

    /// <summary>HART command number (token-passing frame, or the first command of a Direct PDU); -1 when none.</summary>
    public int Command => _d.Command;

    /// <summary>The 16-bit command number carried by command 31; -1 otherwise.</summary>
    public int ExtendedCommand => _d.ExtendedCommand;

    public byte? ResponseCode => _d.HasResponseCode ? _d.ResponseCode : null;

    /// <summary>Field device status of a response (or of a Direct PDU); null when absent.</summary>
    public byte? DeviceStatus => _d.HasStatus || _d.IsDirect ? _d.DeviceStatus : null;

    /// <summary>The HART address: 1 byte (polling address) or 5 bytes (unique address).</summary>
    public ReadOnlySpan<byte> Address => _d.HasPdu && !_d.IsDirect ? _message.Slice(_d.AddressOffset, _d.AddressLength) : default;

    /// <summary>Command data after the response code and device status.</summary>
    public ReadOnlySpan<byte> Data => _d.HasPdu ? _message.Slice(_d.DataOffset, _d.DataLength) : default;

    private bool IsSuccessfulResponseTo(int command)
        => _d.Command == command && _d.HasStatus && (_d.ResponseCode & 0x80) == 0 && !_d.IsDirect
            && (_d.Anomalies & HartIpAnomalies.HartByteCountMismatch) == 0
            && _d.MessageType is HartIpConstants.MessageTypeResponse or HartIpConstants.MessageTypePublish;

    private bool HasCommand0Identity => IsSuccessfulResponseTo(0) && _d.DataLength >= HartIpConstants.Command0MinimumData;

    public bool HasIdentity => HasCommand0Identity || (IsSuccessfulResponseTo(20) && _d.DataLength >= LongTagLength);

    /// <summary>
    /// Command 0 response data: 254, expanded device type(2), minimum preambles, HART revision, device revision,
    /// software revision, hardware revision(5 bits)+signalling(3), flags, device id(3), and from HART 7 on, after
    /// preambles/variables/change counter/extended status, the 16-bit manufacturer id at offset 17. Before HART 7
    /// the manufacturer id is the first byte of the device type field.
    /// </summary>
    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (!HasIdentity) return;
        var data = Data;
        if (_d.Command == 20)
        {
            receiver.OnIdentity(IdentityField.Name, TrimTag(data[..LongTagLength]), Command20Source);
            return;
        }

        Span<byte> text = stackalloc byte[32];
        int n = FormatHex(text, ManufacturerOf(data), 4);
        receiver.OnIdentity(IdentityField.Vendor, text[..n], Command0Source);
        n = FormatHex(text, BinaryPrimitives.ReadUInt16BigEndian(data[1..]), 4);
        receiver.OnIdentity(IdentityField.ProductCode, text[..n], Command0Source);
        n = FormatRevisions(text, data);
        receiver.OnIdentity(IdentityField.Firmware, text[..n], Command0Source);
        n = FormatHex(text, (data[9] << 16) | (data[10] << 8) | data[11], 6);
        receiver.OnIdentity(IdentityField.Serial, text[..n], Command0Source);
    }

    private static int ManufacturerOf(ReadOnlySpan<byte> data)
        => data[4] >= 7 && data.Length >= 19 ? BinaryPrimitives.ReadUInt16BigEndian(data[17..]) : data[1];

    /// <summary>"dev 4 sw 1 hw 1": device, software and hardware revision (the device's firmware state).</summary>
    private static int FormatRevisions(Span<byte> text, ReadOnlySpan<byte> data)
    {
        int n = 0;
        "dev "u8.CopyTo(text);
        n += 4;
        Utf8Formatter.TryFormat(data[5], text[n..], out int w);
        n += w;
        " sw "u8.CopyTo(text[n..]);
        n += 4;
        Utf8Formatter.TryFormat(data[6], text[n..], out w);
        n += w;
        " hw "u8.CopyTo(text[n..]);
        n += 4;
        Utf8Formatter.TryFormat(data[7] >> 3, text[n..], out w);
        return n + w;
    }

    private static int FormatHex(Span<byte> text, int value, int digits)
    {
        text[0] = (byte)'0';
        text[1] = (byte)'x';
        Utf8Formatter.TryFormat(value, text[2..], out int w, new System.Buffers.StandardFormat('X', (byte)digits));
        return 2 + w;
    }

    private static ReadOnlySpan<byte> TrimTag(ReadOnlySpan<byte> tag)
    {
        int end = tag.IndexOf((byte)0);
        if (end < 0) end = tag.Length;
        while (end > 0 && tag[end - 1] == (byte)' ') end--;
        return tag[..end];
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber(HartIpFields.Version, _d.Version);
        writer.WriteNumber(HartIpFields.MessageType, _d.MessageType);
        WriteNameOrNull(writer, HartIpFields.MessageTypeName, HartIpNames.MessageType(_d.MessageType));
        writer.WriteNumber(HartIpFields.Status, _d.Status);
        writer.WriteNumber(HartIpFields.Sequence, _d.Sequence);
        writer.WriteNumber(HartIpFields.ByteCount, _d.ByteCount);
        if (_d.HasSession)
        {
            writer.WriteNumber(HartIpFields.MasterType, _d.MasterType);
            writer.WriteNumber(HartIpFields.InactivityTimer, _d.InactivityTimer);
        }

        if (!_d.HasPdu) return;
        Span<char> hex = stackalloc char[2 * 256];
        if (!_d.IsDirect)
        {
            writer.WriteNumber(HartIpFields.Delimiter, _d.Delimiter);
            WriteNameOrNull(writer, HartIpFields.FrameType, HartIpNames.FrameType(_d.Delimiter));
            Convert.TryToHexStringLower(Address, hex, out int written);
            writer.WriteString(HartIpFields.Address, hex[..written]);
        }

        if (_d.Command >= 0)
        {
            writer.WriteNumber(HartIpFields.Command, _d.Command);
            WriteNameOrNull(writer, HartIpFields.CommandName, HartIpNames.Command(_d.Command));
            writer.WriteNumber(HartIpFields.HartByteCount, _d.HartByteCount);
        }
        if (_d.ExtendedCommand >= 0) writer.WriteNumber(HartIpFields.ExtendedCommand, _d.ExtendedCommand);
        if (_d.HasResponseCode) writer.WriteNumber(HartIpFields.ResponseCode, _d.ResponseCode);
        if (_d.HasStatus || _d.IsDirect) writer.WriteNumber(HartIpFields.DeviceStatus, _d.DeviceStatus);
        if (_d.IsDirect)
        {
            writer.WriteNumber(HartIpFields.ExtendedStatus, _d.ExtendedStatus);
            writer.WriteNumber(HartIpFields.CommandCount, _d.CommandCount);
        }

        var data = Data;
        if (HasCommand0Identity)
        {
            writer.WriteNumber(HartIpFields.ManufacturerId, ManufacturerOf(data));
            writer.WriteNumber(HartIpFields.ExpandedDeviceType, BinaryPrimitives.ReadUInt16BigEndian(data[1..]));
            writer.WriteNumber(HartIpFields.HartRevision, data[4]);
            writer.WriteNumber(HartIpFields.DeviceRevision, data[5]);
            writer.WriteNumber(HartIpFields.SoftwareRevision, data[6]);
            writer.WriteNumber(HartIpFields.HardwareRevision, data[7] >> 3);
            writer.WriteNumber(HartIpFields.DeviceId, (data[9] << 16) | (data[10] << 8) | data[11]);
        }
        else if (IsSuccessfulResponseTo(20) && data.Length >= LongTagLength)
        {
            var tag = TrimTag(data[..LongTagLength]);
            Span<char> chars = stackalloc char[LongTagLength];
            for (int i = 0; i < tag.Length; i++) chars[i] = (char)tag[i]; // ISO Latin-1, one byte per char
            writer.WriteString(HartIpFields.LongTag, chars[..tag.Length]);
        }

        Convert.TryToHexStringLower(data[..Math.Min(data.Length, 255)], hex, out int dataChars);
        writer.WriteString(HartIpFields.Data, hex[..dataChars]);
    }

    private static void WriteNameOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }
}
