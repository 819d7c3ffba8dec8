namespace OtSensor.Analysis.Inventory.Rules;

/// <summary>One row of classification-rules.json: when <see cref="When"/> holds (and <see cref="Unless"/> does not), the device is a <see cref="Type"/>.</summary>
public sealed record ClassificationRule(string Id, string Description, string Type, byte Confidence, RuleCondition When, RuleCondition? Unless)
{
    public bool Matches(DeviceFacts facts) => When.Matches(facts) && (Unless is null || !Unless.Matches(facts));
}
