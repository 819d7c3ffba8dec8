namespace OtSensor.Analysis.Detection;

/// <summary>A MITRE ATT&amp;CK for ICS technique, e.g. <c>T0843</c> "Program Download".</summary>
public readonly record struct MitreTechnique(string Id, string Name);
