namespace OtSensor.Analysis.Inventory;

/// <summary>One identity attribute value and the message that stated it (e.g. "modbus 43/14 object 0x00").</summary>
public sealed record IdentityAttribute(string Value, string Source);

/// <summary>Vendor, model and firmware as stated by the device itself. The first statement of each attribute is kept.</summary>
public sealed class DeviceIdentity
{
    public IdentityAttribute? Vendor { get; private set; }
    public IdentityAttribute? ProductCode { get; private set; }
    public IdentityAttribute? Model { get; private set; }
    public IdentityAttribute? Firmware { get; private set; }
    public IdentityAttribute? Name { get; private set; }
    public IdentityAttribute? Serial { get; private set; }

    public bool IsEmpty => Vendor is null && ProductCode is null && Model is null && Firmware is null && Name is null && Serial is null;

    internal void SetVendor(string value, string source) => Vendor ??= new(value, source);
    internal void SetProductCode(string value, string source) => ProductCode ??= new(value, source);
    internal void SetModel(string value, string source) => Model ??= new(value, source);
    internal void SetFirmware(string value, string source) => Firmware ??= new(value, source);
    internal void SetName(string value, string source) => Name ??= new(value, source);
    internal void SetSerial(string value, string source) => Serial ??= new(value, source);
}
