using OtSensor.Core.Protocols;

namespace OtSensor.Analysis.Inventory;

/// <summary>
/// Turns identity statements in decoded PDUs (Modbus 43/14, CIP ListIdentity, S7 SZL, BACnet device properties,
/// MMS identify, DNP3 device attributes) into device evidence with source "&lt;protocol&gt;.identity", the decoder's
/// message name as detail, and <see cref="EvidenceConfidence.IdentityMessage"/>. A value already stated with that
/// confidence is not rebuilt, so repeated identity polls cost nothing.
/// </summary>
internal sealed class IdentityExtractor : IIdentityReceiver
{
    private Device? _device;
    private ProtocolId _protocol;

    public void Observe<TMessage>(Device sender, in TMessage message)
        where TMessage : struct, IProtocolMessage, allows ref struct
    {
        if (!message.HasIdentity) return;
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
            _ => DeviceAttribute.Count,
        };
        if (attribute == DeviceAttribute.Count) return;
        evidence.Set(attribute, value, EvidenceSources.Identity(_protocol), source, EvidenceConfidence.IdentityMessage);
    }
}
