namespace OtSensor.Outputs.Store;

/// <summary>Why the inventory believes one attribute of a device: the value, its source, a detail and a confidence 0-100.</summary>
public sealed record DeviceEvidenceRecord(string Attribute, string Value, string Source, string? Detail, int Confidence);
