using System.Text;
using OtSensor.Core.Protocols;

namespace OtSensor.Analysis.Inventory;

/// <summary>
/// Turns identity statements in decoded PDUs (e.g. Modbus Read Device Identification) into device attributes.
/// Strings are made only the first time an attribute is stated, so repeated identity polls cost nothing.
/// </summary>
internal sealed class IdentityExtractor : IIdentityReceiver
{
    private const int MaxValueLength = 128;
    private Device? _device;

    public void Observe<TMessage>(Device sender, in TMessage message)
        where TMessage : struct, IProtocolMessage, allows ref struct
    {
        if (!message.HasIdentity) return;
        _device = sender;
        message.ReportIdentity(this);
        _device = null;
    }

    public void OnIdentity(IdentityField field, ReadOnlySpan<byte> value, string source)
    {
        var identity = _device?.Identity;
        if (identity is null || IsKnown(identity, field)) return;
        var text = Clean(value);
        if (text.Length == 0) return;
        switch (field)
        {
            case IdentityField.Vendor: identity.SetVendor(text, source); break;
            case IdentityField.ProductCode: identity.SetProductCode(text, source); break;
            case IdentityField.Model: identity.SetModel(text, source); break;
            case IdentityField.Firmware: identity.SetFirmware(text, source); break;
            case IdentityField.Name: identity.SetName(text, source); break;
            case IdentityField.Serial: identity.SetSerial(text, source); break;
        }
    }

    private static bool IsKnown(DeviceIdentity identity, IdentityField field) => field switch
    {
        IdentityField.Vendor => identity.Vendor is not null,
        IdentityField.ProductCode => identity.ProductCode is not null,
        IdentityField.Model => identity.Model is not null,
        IdentityField.Firmware => identity.Firmware is not null,
        IdentityField.Name => identity.Name is not null,
        IdentityField.Serial => identity.Serial is not null,
        _ => true,
    };

    /// <summary>Printable ASCII only, trimmed and bounded: device strings are attacker-controlled.</summary>
    private static string Clean(ReadOnlySpan<byte> value)
    {
        if (value.Length > MaxValueLength) value = value[..MaxValueLength];
        var builder = new StringBuilder(value.Length);
        foreach (byte b in value)
            builder.Append(b is >= 0x20 and < 0x7F ? (char)b : ' ');
        return builder.ToString().Trim();
    }
}
