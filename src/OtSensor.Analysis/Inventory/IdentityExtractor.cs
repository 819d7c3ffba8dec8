using OtSensor.Core.Protocols;

namespace OtSensor.Analysis.Inventory;

/// <summary>
/// Turns identity statements in decoded PDUs (Modbus 43/14, CIP ListIdentity, S7 SZL, BACnet device properties,
/// MMS identify, DNP3 device attributes, DCP, OPC UA endpoints) into device evidence with source
/// "&lt;protocol&gt;.identity", the decoder's message name as detail, and <see cref="EvidenceConfidence.IdentityMessage"/>.
/// The IT naming protocols (DHCP, DNS/LLMNR/mDNS, NetBIOS, LLDP, CDP, SNMP, HTTP, TLS) state host names, operating
/// systems and descriptions with <see cref="EvidenceConfidence.NamingProtocol"/>: an industrial identity message
/// beats them, they beat an OUI. A value already stated with that confidence is not rebuilt, so repeated identity
/// polls cost nothing.
/// </summary>
internal sealed class IdentityExtractor : IIdentityReceiver
{
    private Device? _device;
    private ProtocolId _protocol;

    /// <summary>Every decoded PDU passes here; almost none states an identity, so the test is inlined into the caller.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Observe<TMessage>(Device sender, in TMessage message)
        where TMessage : struct, IProtocolMessage, allows ref struct
    {
        if (message.HasIdentity) Report(sender, in message);
    }

    private void Report<TMessage>(Device sender, in TMessage message)
        where TMessage : struct, IProtocolMessage, allows ref struct
    {
        _device = sender;
        _protocol = message.Protocol;
        message.ReportIdentity(this);
        _device = null;
    }

    public void OnIdentity(IdentityField field, ReadOnlySpan<byte> value, string source)
    {
        var evidence = _device?.Evidence;
        if (evidence is null) return;
        var attribute = field switch
        {
            IdentityField.Vendor => DeviceAttribute.Vendor,
            IdentityField.ProductCode => DeviceAttribute.ProductCode,
            IdentityField.Model => DeviceAttribute.Model,
            IdentityField.Firmware => DeviceAttribute.Firmware,
            IdentityField.Name => DeviceAttribute.Name,
            IdentityField.Serial => DeviceAttribute.Serial,
            IdentityField.Hostname => DeviceAttribute.Name,
            IdentityField.OperatingSystem => DeviceAttribute.OperatingSystem,
            IdentityField.Description => DeviceAttribute.Description,
            _ => DeviceAttribute.Count,
        };
        if (attribute == DeviceAttribute.Count) return;
        evidence.Set(attribute, value, EvidenceSources.Identity(_protocol), source, ConfidenceOf(_protocol));
    }

    /// <summary>Naming protocols say what a host calls itself; industrial identity messages say what it is.</summary>
    private static byte ConfidenceOf(ProtocolId protocol) => protocol switch
    {
        ProtocolId.Dhcp or ProtocolId.Dns or ProtocolId.Llmnr or ProtocolId.Mdns or ProtocolId.NetBios or ProtocolId.Lldp
            or ProtocolId.Cdp or ProtocolId.Snmp or ProtocolId.Http or ProtocolId.Tls => EvidenceConfidence.NamingProtocol,
        _ => EvidenceConfidence.IdentityMessage,
    };
}
