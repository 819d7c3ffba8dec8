using System.Text.Json;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Naming;

namespace OtSensor.Protocols.Cdp;

/// <summary>One CDP advertisement: device ID, port, software version, platform, addresses and capabilities.</summary>
/// <remarks>
/// A <c>ref struct</c> over the frame payload (after the SNAP header), valid only during
/// <see cref="Registry.IProtocolEventSink.OnCdp"/>. Event-log contract: <c>function</c> is null. Identity, about the
/// sender (a CDP device advertises only itself): device ID → hostname, platform → model, the first line of the software
/// version → operating system (it names the OS image and its version, e.g. "Cisco IOS Software, … Version 12.2(25)SEG4").
/// The checksum is recorded, not verified.
/// </remarks>
public readonly ref struct CdpMessage : IProtocolMessage
{
    private const string DeviceIdSource = "cdp device id";
    private const string PlatformSource = "cdp platform";
    private const string SoftwareSource = "cdp software version";

    private readonly ReadOnlySpan<byte> _cdp;
    private readonly CdpDecoded _d;

    /// <summary>A message over <paramref name="cdp"/> whose fields the parser fills in place through <see cref="Fields"/>.</summary>
    internal CdpMessage(ReadOnlySpan<byte> cdp)
    {
        _cdp = cdp;
        _d = default;
    }

    /// <summary>The decoded fields, writable, for the parser only (messages are built in place: src/OtSensor.Protocols/README.md).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref CdpDecoded Fields => ref System.Runtime.CompilerServices.Unsafe.AsRef(in _d);

    public ProtocolId Protocol => ProtocolId.Cdp;

    public int Function => -1;

    public string? FunctionName => null;

    public OtOperation Operation => OtOperation.Discovery;

    public bool IsResponse => false;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public CdpAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => CdpNames.Anomaly(bit);

    public ReadOnlySpan<byte> DeviceId => _cdp.Slice(_d.DeviceIdOffset, _d.DeviceIdLength);

    public ReadOnlySpan<byte> Platform => _cdp.Slice(_d.PlatformOffset, _d.PlatformLength);

    /// <summary>The software version up to its first line break.</summary>
    public ReadOnlySpan<byte> SoftwareFirstLine
    {
        get
        {
            var s = _cdp.Slice(_d.SoftwareOffset, _d.SoftwareLength);
            int end = s.IndexOfAny((byte)'\n', (byte)'\r');
            return end < 0 ? s : s[..end];
        }
    }

    public bool HasIdentity => _d.DeviceIdLength > 0 || _d.PlatformLength > 0 || _d.SoftwareLength > 0;

    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (_d.DeviceIdLength > 0) receiver.OnIdentity(IdentityField.Hostname, DeviceId, DeviceIdSource);
        if (_d.PlatformLength > 0) receiver.OnIdentity(IdentityField.Model, Platform, PlatformSource);
        if (_d.SoftwareLength > 0) receiver.OnIdentity(IdentityField.OperatingSystem, SoftwareFirstLine, SoftwareSource);
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!_d.HasHeader) return;
        writer.WriteNumber(CdpFields.Version, _d.Version);
        writer.WriteNumber(CdpFields.Ttl, _d.Ttl);
        writer.WriteNumber(CdpFields.TlvCount, _d.TlvCount);
        if (_d.DeviceIdLength > 0) NamingJson.WriteText(writer, CdpFields.DeviceId, DeviceId);
        if (_d.PortIdLength > 0) NamingJson.WriteText(writer, CdpFields.PortId, _cdp.Slice(_d.PortIdOffset, _d.PortIdLength));
        if (_d.PlatformLength > 0) NamingJson.WriteText(writer, CdpFields.Platform, Platform);
        if (_d.SoftwareLength > 0) NamingJson.WriteText(writer, CdpFields.SoftwareVersion, _cdp.Slice(_d.SoftwareOffset, _d.SoftwareLength));
        if (_d.HasCapabilities) WriteCapabilities(writer, _d.Capabilities);
        if (_d.NativeVlan >= 0) writer.WriteNumber(CdpFields.NativeVlan, _d.NativeVlan);
        if (_d.AddressesLength > 0)
        {
            writer.WriteStartArray(CdpFields.Addresses);
            var reader = new CdpAddressReader(_cdp.Slice(_d.AddressesOffset, _d.AddressesLength));
            while (reader.MoveNext())
            {
                // NLPID 0xCC is IPv4 (ISO/TR 9577); IPv6 entries use the 802.2 SNAP protocol with EtherType 0x86DD.
                if (reader.Address.Length == 4) NamingJson.WriteIPv4Value(writer, reader.Address);
                else if (reader.Address.Length == 16) NamingJson.WriteIPv6Value(writer, reader.Address);
            }
            writer.WriteEndArray();
        }
    }

    private static void WriteCapabilities(Utf8JsonWriter writer, uint bits)
    {
        Span<char> chars = stackalloc char[192];
        int pos = 0;
        var names = CdpNames.Capabilities;
        for (int bit = 0; bit < names.Length; bit++)
        {
            if ((bits & (1u << bit)) == 0) continue;
            if (pos > 0) chars[pos++] = ',';
            names[bit].AsSpan().CopyTo(chars[pos..]);
            pos += names[bit].Length;
        }
        writer.WriteString(CdpFields.Capabilities, chars[..pos]);
    }
}
