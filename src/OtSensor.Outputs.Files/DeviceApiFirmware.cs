namespace OtSensor.Outputs.Files;

/// <summary>
/// A device's <c>firmware</c> object (sensor-reference §9.1: <c>address, moduleAddress, serial, model, firmwareVersion,
/// additionalData, rack, slot</c>, all strings, "N/A" when unknown).
/// </summary>
public sealed record DeviceApiFirmware(string Address, string ModuleAddress, string Serial, string Model, string FirmwareVersion,
    string AdditionalData, string Rack, string Slot);
