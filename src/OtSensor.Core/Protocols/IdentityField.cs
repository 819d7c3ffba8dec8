namespace OtSensor.Core.Protocols;

/// <summary>Identity attributes a device can state about itself in a protocol message.</summary>
public enum IdentityField : byte
{
    Vendor,
    ProductCode,
    Model,
    Firmware,
    Name,
    Serial,
}
