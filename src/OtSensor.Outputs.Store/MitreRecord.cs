namespace OtSensor.Outputs.Store;

/// <summary>A MITRE ATT&amp;CK for ICS technique of an alert.</summary>
public sealed record MitreRecord(string Id, string Name);
