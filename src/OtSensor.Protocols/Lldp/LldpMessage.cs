using System.Text.Json;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Naming;

namespace OtSensor.Protocols.Lldp;

/// <summary>One LLDPDU: the sender's chassis, port, system name and description, capabilities and management address.</summary>
/// <remarks>
/// A <c>ref struct</c> over the frame payload, valid only during <see cref="Registry.IProtocolEventSink.OnLldp"/>.
/// Event-log contract: <c>function</c> is null (LLDP has no message types); records carry MAC addresses only.
/// Identity, all about the sender (an LLDP agent advertises only itself, §7.1): system name → hostname, system
/// description → description; with PROFINET TLVs (OUI 00-0E-CF), a locally assigned chassis ID is the PROFINET
/// NameOfStation (IEC 61158-6-10 §4.16.3) → name.
/// </remarks>
public readonly ref struct LldpMessage : IProtocolMessage
{
    private const string SystemNameSource = "lldp system name";
    private const string SystemDescriptionSource = "lldp system description";
    private const string StationNameSource = "lldp chassis id (profinet name of station)";

    private readonly ReadOnlySpan<byte> _payload;
    private readonly LldpDecoded _d;

    /// <summary>A message over <paramref name="payload"/> whose fields the parser fills in place through <see cref="Fields"/>.</summary>
    internal LldpMessage(ReadOnlySpan<byte> payload)
    {
        _payload = payload;
        _d = default;
    }

    /// <summary>The decoded fields, writable, for the parser only (messages are built in place: src/OtSensor.Protocols/README.md).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref LldpDecoded Fields => ref System.Runtime.CompilerServices.Unsafe.AsRef(in _d);

    public ProtocolId Protocol => ProtocolId.Lldp;

    public int Function => -1;

    public string? FunctionName => null;

    public OtOperation Operation => OtOperation.Discovery;

    public bool IsResponse => false;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public LldpAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => LldpNames.Anomaly(bit);

    public ReadOnlySpan<byte> SystemName => _payload.Slice(_d.SystemNameOffset, _d.SystemNameLength);

    public ReadOnlySpan<byte> SystemDescription => _payload.Slice(_d.SystemDescriptionOffset, _d.SystemDescriptionLength);

    private bool HasStationName => _d.Profinet && _d.ChassisSubtype == LldpConstants.ChassisSubtypeLocal && _d.ChassisLength > 0;

    public bool HasIdentity => _d.SystemNameLength > 0 || _d.SystemDescriptionLength > 0 || HasStationName;

    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (_d.SystemNameLength > 0) receiver.OnIdentity(IdentityField.Hostname, SystemName, SystemNameSource);
        if (_d.SystemDescriptionLength > 0) receiver.OnIdentity(IdentityField.Description, SystemDescription, SystemDescriptionSource);
        if (HasStationName) receiver.OnIdentity(IdentityField.Name, _payload.Slice(_d.ChassisOffset, _d.ChassisLength), StationNameSource);
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber(LldpFields.TlvCount, _d.TlvCount);
        if (_d.ChassisLength > 0)
        {
            writer.WriteNumber(LldpFields.ChassisIdSubtype, _d.ChassisSubtype);
            WriteId(writer, LldpFields.ChassisId, _d.ChassisSubtype == LldpConstants.ChassisSubtypeMac, _d.ChassisSubtype == LldpConstants.ChassisSubtypeNetworkAddress, _payload.Slice(_d.ChassisOffset, _d.ChassisLength));
        }
        if (_d.PortLength > 0)
        {
            writer.WriteNumber(LldpFields.PortIdSubtype, _d.PortSubtype);
            WriteId(writer, LldpFields.PortId, _d.PortSubtype == LldpConstants.PortSubtypeMac, _d.PortSubtype == LldpConstants.PortSubtypeNetworkAddress, _payload.Slice(_d.PortOffset, _d.PortLength));
        }
        if (_d.Ttl >= 0) writer.WriteNumber(LldpFields.Ttl, _d.Ttl);
        if (_d.PortDescriptionLength > 0) NamingJson.WriteText(writer, LldpFields.PortDescription, _payload.Slice(_d.PortDescriptionOffset, _d.PortDescriptionLength));
        if (_d.SystemNameLength > 0) NamingJson.WriteText(writer, LldpFields.SystemName, SystemName);
        if (_d.SystemDescriptionLength > 0) NamingJson.WriteText(writer, LldpFields.SystemDescription, SystemDescription);
        if (_d.HasCapabilities)
        {
            WriteCapabilities(writer, LldpFields.Capabilities, _d.Capabilities);
            WriteCapabilities(writer, LldpFields.EnabledCapabilities, _d.EnabledCapabilities);
        }
        if (_d.ManagementLength > 0) WriteAddress(writer, LldpFields.ManagementAddress, _d.ManagementSubtype, _payload.Slice(_d.ManagementOffset, _d.ManagementLength));
        if (_d.Profinet) writer.WriteBoolean(LldpFields.Profinet, true);
        if (_d.ProfinetChassisMacOffset > 0) NamingJson.WriteMac(writer, LldpFields.ProfinetChassisMac, _payload.Slice(_d.ProfinetChassisMacOffset, 6));
    }

    /// <summary>A chassis or port ID: a MAC, a network address (family byte first), or text (names, interface aliases).</summary>
    private static void WriteId(Utf8JsonWriter writer, string key, bool mac, bool address, ReadOnlySpan<byte> id)
    {
        if (mac && id.Length == 6) NamingJson.WriteMac(writer, key, id);
        else if (address && id.Length >= 1) WriteAddress(writer, key, id[0], id[1..]);
        else NamingJson.WriteText(writer, key, id);
    }

    private static void WriteAddress(Utf8JsonWriter writer, string key, int family, ReadOnlySpan<byte> address)
    {
        if (family == LldpConstants.AddressFamilyIPv4 && address.Length == 4) NamingJson.WriteIPv4(writer, key, address);
        else if (family == LldpConstants.AddressFamilyIPv6 && address.Length == 16) NamingJson.WriteIPv6(writer, key, address);
        else if (address.Length == 6) NamingJson.WriteMac(writer, key, address);
        else NamingJson.WriteHex(writer, key, address);
    }

    /// <summary>Capabilities as a compact comma-separated list of names ("bridge,router").</summary>
    private static void WriteCapabilities(Utf8JsonWriter writer, string key, int bits)
    {
        Span<char> chars = stackalloc char[160];
        int pos = 0;
        var names = LldpNames.Capabilities;
        for (int bit = 0; bit < names.Length; bit++)
        {
            if ((bits & (1 << bit)) == 0) continue;
            if (pos > 0) chars[pos++] = ',';
            names[bit].AsSpan().CopyTo(chars[pos..]);
            pos += names[bit].Length;
        }
        writer.WriteString(key, chars[..pos]);
    }
}
