using System.Buffers.Text;
using System.Text.Json;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Ads;

/// <summary>One AMS packet (ADS command) or one TwinCAT discovery/route datagram.</summary>
/// <remarks>
/// A <c>ref struct</c> over the packet, valid only during <see cref="Registry.IProtocolEventSink.OnAds"/>.
/// <see cref="Function"/> is the AMS command id; discovery datagrams have none (-1) and carry
/// <c>discoveryService</c>. A Read Device Info response states the TwinCAT runtime's device name and version; a
/// discovery response states the host name. Route passwords in Add Route requests are never written.
/// </remarks>
public readonly ref struct AdsMessage : IProtocolMessage
{
    private const string DeviceInfoSource = "ads Read Device Info response";
    private const string DiscoverySource = "ads discovery response (host name tag)";

    private readonly ReadOnlySpan<byte> _packet;
    private readonly AdsDecoded _d;

    /// <summary>A message over <paramref name="packet"/> whose fields the parser fills in place through <see cref="Fields"/>.</summary>
    internal AdsMessage(ReadOnlySpan<byte> packet)
    {
        _packet = packet;
        _d = default;
    }

    /// <summary>The decoded fields, writable, for the parser only (messages are built in place: src/OtSensor.Protocols/README.md).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref AdsDecoded Fields => ref System.Runtime.CompilerServices.Unsafe.AsRef(in _d);

    public ProtocolId Protocol => ProtocolId.Ads;

    public int Function => _d.IsDiscovery ? -1 : _d.CommandId;

    public string? FunctionName => _d.IsDiscovery ? null : AdsNames.Command(_d.CommandId);

    public OtOperation Operation => _d.IsDiscovery
        ? ((_d.Service & ~AdsConstants.DiscoveryResponseBit) == 6 ? OtOperation.Authentication : OtOperation.Discovery)
        : AdsNames.Operation(_d.CommandId, _d.HasState, _d.AdsState, _d.HasIndex, _d.IndexGroup);

    public bool IsResponse => _d.IsDiscovery ? (_d.Service & AdsConstants.DiscoveryResponseBit) != 0 : (_d.StateFlags & AdsConstants.StateResponse) != 0;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public AdsAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => AdsNames.Anomaly(bit);

    public ushort CommandId => _d.CommandId;
    public ushort StateFlags => _d.StateFlags;
    public uint ErrorCode => _d.ErrorCode;
    public uint InvokeId => _d.InvokeId;
    public ushort? AdsState => _d.HasState ? _d.AdsState : null;
    public bool IsDiscovery => _d.IsDiscovery;

    /// <summary>Device name of a Read Device Info response, up to the first NUL.</summary>
    public ReadOnlySpan<byte> DeviceName
    {
        get
        {
            if (!_d.HasDeviceInfo) return default;
            var name = _packet.Slice(_d.DeviceNameOffset, AdsConstants.DeviceNameLength);
            int end = name.IndexOf((byte)0);
            return end < 0 ? name : name[..end];
        }
    }

    public ReadOnlySpan<byte> HostName => _d.HostNameLength > 0 ? _packet.Slice(_d.HostNameOffset, _d.HostNameLength) : default;

    /// <summary>
    /// Read Device Info answers for one ADS device (AMS port) of a TwinCAT system: the I/O server, NC and PLC runtimes
    /// each give their own name and version. Only the system service (port 10000) and the PLC runtimes (800–899) speak
    /// for the controller itself, so only their answers become its model and firmware.
    /// </summary>
    public bool HasIdentity => (_d.HasDeviceInfo && _d.Result == 0 && !DeviceName.IsEmpty && _d.SourcePort is 10000 or (>= 800 and <= 899))
        || (_d.IsDiscovery && IsResponse && !HostName.IsEmpty);

    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (!HasIdentity) return;
        if (_d.IsDiscovery)
        {
            receiver.OnIdentity(IdentityField.Vendor, "Beckhoff"u8, DiscoverySource);
            receiver.OnIdentity(IdentityField.Name, HostName, DiscoverySource);
            return;
        }
        receiver.OnIdentity(IdentityField.Vendor, "Beckhoff"u8, DeviceInfoSource);
        receiver.OnIdentity(IdentityField.Model, DeviceName, DeviceInfoSource);
        Span<byte> version = stackalloc byte[16];
        receiver.OnIdentity(IdentityField.Firmware, version[..FormatVersion(version)], DeviceInfoSource);
    }

    /// <summary>"major.minor.build", e.g. 2.11.2103.</summary>
    private int FormatVersion(Span<byte> text)
    {
        Utf8Formatter.TryFormat(_d.Major, text, out int n);
        text[n++] = (byte)'.';
        Utf8Formatter.TryFormat(_d.Minor, text[n..], out int w);
        n += w;
        text[n++] = (byte)'.';
        Utf8Formatter.TryFormat(_d.Build, text[n..], out w);
        return n + w;
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> text = stackalloc char[32];
        if (_d.IsDiscovery)
        {
            writer.WriteNumber(AdsFields.Discovery, _d.Service & ~AdsConstants.DiscoveryResponseBit);
            WriteNameOrNull(writer, AdsFields.DiscoveryName, AdsNames.DiscoveryService(_d.Service));
            writer.WriteNumber(AdsFields.InvokeId, _d.InvokeId);
            writer.WriteString(AdsFields.NetId, text[..FormatNetId(text, _packet.Slice(_d.NetIdOffset, 6))]);
            writer.WriteNumber(AdsFields.AmsPort, _d.DiscoveryPort);
            writer.WriteNumber(AdsFields.TagCount, _d.TagCount);
            if (!HostName.IsEmpty) WriteLatin1(writer, AdsFields.HostName, HostName);
            return;
        }

        var ams = _packet[_d.AmsOffset..];
        writer.WriteString(AdsFields.TargetNetId, text[..FormatNetId(text, ams[..6])]);
        writer.WriteNumber(AdsFields.TargetPort, _d.TargetPort);
        writer.WriteString(AdsFields.SourceNetId, text[..FormatNetId(text, ams.Slice(8, 6))]);
        writer.WriteNumber(AdsFields.SourcePort, _d.SourcePort);
        writer.WriteNumber(AdsFields.StateFlags, _d.StateFlags);
        writer.WriteNumber(AdsFields.DataLength, _d.DataLength);
        writer.WriteNumber(AdsFields.ErrorCode, _d.ErrorCode);
        writer.WriteNumber(AdsFields.InvokeId, _d.InvokeId);
        if (_d.HasResult) writer.WriteNumber(AdsFields.Result, _d.Result);
        if (_d.HasIndex)
        {
            writer.WriteNumber(AdsFields.IndexGroup, _d.IndexGroup);
            writer.WriteNumber(AdsFields.IndexOffset, _d.IndexOffset);
        }
        if (_d.HasLength) writer.WriteNumber(AdsFields.Length, _d.Length);
        if (_d.HasWriteLength) writer.WriteNumber(AdsFields.WriteLength, _d.WriteLength);
        if (_d.HasState)
        {
            writer.WriteNumber(AdsFields.AdsState, _d.AdsState);
            WriteNameOrNull(writer, AdsFields.AdsStateName, AdsNames.AdsState(_d.AdsState));
            writer.WriteNumber(AdsFields.DeviceState, _d.DeviceState);
        }
        if (_d.HasHandle) writer.WriteNumber(AdsFields.Handle, _d.Handle);
        if (_d.HasDeviceInfo)
        {
            Span<byte> version = stackalloc byte[16];
            int n = FormatVersion(version);
            for (int i = 0; i < n; i++) text[i] = (char)version[i];
            writer.WriteString(AdsFields.Version, text[..n]);
            WriteLatin1(writer, AdsFields.DeviceName, DeviceName);
        }
    }

    /// <summary>AMS Net Id as dotted decimal, e.g. 5.13.117.96.1.1.</summary>
    private static int FormatNetId(Span<char> text, ReadOnlySpan<byte> netId)
    {
        int n = 0;
        for (int i = 0; i < 6; i++)
        {
            if (i > 0) text[n++] = '.';
            netId[i].TryFormat(text[n..], out int w, default, System.Globalization.CultureInfo.InvariantCulture);
            n += w;
        }
        return n;
    }

    private static void WriteLatin1(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> value)
    {
        Span<char> chars = stackalloc char[256];
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
