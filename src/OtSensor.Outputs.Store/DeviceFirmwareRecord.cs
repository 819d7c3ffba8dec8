namespace OtSensor.Outputs.Store;

/// <summary>One firmware object of a device (§9.1, all strings, "N/A" when unknown).</summary>
public sealed record DeviceFirmwareRecord(string Address, string ModuleAddress, string Serial, string Model, string FirmwareVersion,
    string AdditionalData, string Rack, string Slot);
