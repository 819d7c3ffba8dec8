namespace OtSensor.Analysis.Inventory.Rules;

/// <summary>The outcome for one device: type, its Purdue level (null when the type has none) and the rule that decided.</summary>
public sealed record Classification(string Type, int? PurdueLevel, byte Confidence, ClassificationRule Rule);
