namespace OtSensor.Analysis.Detection;

/// <summary>
/// Bounds that keep detection's memory flat whatever the traffic: a flood of bad packets counts up on a bounded number
/// of alerts, each with a bounded evidence list; what does not fit is counted, never stored.
/// </summary>
public sealed record DetectionLimits
{
    /// <summary>Alerts kept per run; further new alerts are counted in <see cref="AlertManager.Suppressed"/>.</summary>
    public int MaxAlerts { get; init; } = 10_000;
    /// <summary>Evidence frames kept per alert (the first ones: the PCAP shows how it started).</summary>
    public int MaxEvidencePerAlert { get; init; } = 16;
    /// <summary>Timeline events kept per run.</summary>
    public int MaxTimelineEvents { get; init; } = 100_000;
    /// <summary>Baseline entries (hosts plus learned tuples); beyond it nothing more is learned.</summary>
    public int MaxBaselineEntries { get; init; } = 1_000_000;
}
