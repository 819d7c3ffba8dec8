using System.Reflection;
using System.Text.Json;

namespace OtSensor.Analysis.Inventory.Rules;

/// <summary>
/// The classification rule table (embedded <c>classification-rules.json</c>, data not code): device types with their
/// Purdue level, and rules from evidence to type with a confidence. <see cref="Classify"/> returns the most confident
/// matching rule (the earlier one on a tie). Runs once per device at the end of a run, never per packet.
/// </summary>
public sealed class ClassificationRuleSet
{
    private const string ResourceName = "OtSensor.Analysis.Inventory.Rules.classification-rules.json";
    private static readonly Lazy<ClassificationRuleSet> Shared = new(() => Parse(OpenResource()), LazyThreadSafetyMode.ExecutionAndPublication);

    private ClassificationRuleSet(IReadOnlyList<ClassificationRule> rules, IReadOnlyDictionary<string, int> levels)
    {
        Rules = rules;
        Levels = levels;
    }

    public static ClassificationRuleSet Default => Shared.Value;

    public IReadOnlyList<ClassificationRule> Rules { get; }
    /// <summary>Device type → Purdue level.</summary>
    public IReadOnlyDictionary<string, int> Levels { get; }

    public Classification? Classify(DeviceFacts facts)
    {
        ClassificationRule? best = null;
        foreach (var rule in Rules)
            if ((best is null || rule.Confidence > best.Confidence) && rule.Matches(facts)) best = rule;
        if (best is null) return null;
        return new Classification(best.Type, Levels.TryGetValue(best.Type, out int level) ? level : null, best.Confidence, best);
    }

    /// <summary>Reads a rule table; a rule naming a type missing from "types" or an unknown condition is an error.</summary>
    public static ClassificationRuleSet Parse(Stream json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var type in doc.RootElement.GetProperty("types").EnumerateObject()) levels[type.Name] = type.Value.GetInt32();
        var rules = new List<ClassificationRule>();
        foreach (var r in doc.RootElement.GetProperty("rules").EnumerateArray())
        {
            string id = r.GetProperty("id").GetString()!;
            string type = r.GetProperty("type").GetString()!;
            if (!levels.ContainsKey(type)) throw new FormatException($"classification rule '{id}': type '{type}' is not in \"types\"");
            int confidence = r.GetProperty("confidence").GetInt32();
            if (confidence is < 0 or > 100) throw new FormatException($"classification rule '{id}': confidence {confidence} is outside 0-100");
            rules.Add(new ClassificationRule(id, r.GetProperty("description").GetString()!, type, (byte)confidence,
                RuleCondition.Parse(r.GetProperty("when"), id),
                r.TryGetProperty("unless", out var unless) ? RuleCondition.Parse(unless, id) : null));
        }
        return new ClassificationRuleSet(rules, levels);
    }

    private static Stream OpenResource() => Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
}
