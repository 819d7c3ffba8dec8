namespace OtSensor.Outputs.Forwarding;

/// <summary>
/// Which alerts are forwarded, as the sensor's forwarding rules choose them (sensor-reference §10.5): a minimum
/// severity, and optionally only some engines and protocols. One rule applies to every target of a run.
/// </summary>
public sealed class ForwardRule
{
    private static readonly string[] Severities = ["Warning", "Minor", "Major", "Critical"];

    /// <summary>Everything.</summary>
    public static ForwardRule All { get; } = new();

    /// <summary>Warning (0) to Critical (3).</summary>
    public int MinimumSeverity { get; init; }
    /// <summary>Engine names as the API writes them ("Policy Violation"); empty = all.</summary>
    public IReadOnlySet<string> Engines { get; init; } = new HashSet<string>();
    /// <summary>Protocol names as alerts.json writes them ("modbus"); empty = all.</summary>
    public IReadOnlySet<string> Protocols { get; init; } = new HashSet<string>();

    public bool Matches(OutboundAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        // The rule chooses alerts; device-change and event records are chosen by the configuration's records section.
        if (alert.Kind != RecordKind.Alert) return true;
        return alert.SeverityRank >= MinimumSeverity
            && (Engines.Count == 0 || Engines.Contains(alert.Engine))
            && (Protocols.Count == 0 || (alert.Protocol is { } p && Protocols.Contains(p)));
    }

    /// <summary>A rule from command-line values; null and a one-line reason when a value is unknown.</summary>
    public static ForwardRule? TryCreate(string? minimumSeverity, IReadOnlyList<string> engines, IReadOnlyList<string> protocols, out string? error)
    {
        error = null;
        int minimum = 0;
        if (minimumSeverity is not null)
        {
            minimum = Array.FindIndex(Severities, s => string.Equals(s, minimumSeverity, StringComparison.OrdinalIgnoreCase));
            if (minimum < 0)
            {
                error = $"'{minimumSeverity}' is not a severity (Warning, Minor, Major, Critical)";
                return null;
            }
        }
        string[] known = ["Protocol Violation", "Policy Violation", "Anomaly", "Malware", "Operational"];
        var engineSet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in engines)
        {
            var match = Array.Find(known, k => string.Equals(k, e, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                error = $"'{e}' is not an engine ({string.Join(", ", known)})";
                return null;
            }
            engineSet.Add(match);
        }
        return new ForwardRule
        {
            MinimumSeverity = minimum,
            Engines = engineSet,
            Protocols = new HashSet<string>(protocols.Select(p => p.ToLowerInvariant()), StringComparer.Ordinal),
        };
    }
}
