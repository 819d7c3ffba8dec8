using OtSensor.Outputs.Reports.Risk;

namespace OtSensor.Outputs.Reports.Model;

/// <summary>The computed risk assessment: score, ranked findings and every table, ready to render or export.</summary>
public sealed class ReportModel
{
    public required ReportInput Input { get; init; }
    public required double Score { get; init; }
    public required string Band { get; init; }
    /// <summary>Findings ranked by penalty (what to fix first), largest first.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }
    public required IReadOnlyList<CategoryScore> Categories { get; init; }
    public required string KnowledgeVersion { get; init; }
    public required string KnowledgeCoverage { get; init; }
    public required int KnowledgeEntries { get; init; }
    /// <summary>Controllers and other identified devices that could not be checked (no vendor/model known).</summary>
    public required int DevicesNotCheckable { get; init; }
    /// <summary>Per-device score (100 − weights of the finding kinds the device is part of), by device id.</summary>
    public required IReadOnlyDictionary<int, double> DeviceScores { get; init; }
    /// <summary>Devices per band: Secure, Needs improvement, Vulnerable.</summary>
    public required IReadOnlyList<int> DeviceBands { get; init; }
    /// <summary>Alert counts [engine, severity] over the whole capture.</summary>
    public required IReadOnlyList<int[]> AlertsByEngineSeverity { get; init; }
    /// <summary>Alert counts per time bin [bin, severity]; <see cref="AlertBinStarts"/> gives each bin's start.</summary>
    public required IReadOnlyList<int[]> AlertsOverTime { get; init; }
    public required IReadOnlyList<DateTime> AlertBinStarts { get; init; }
    /// <summary>Every table by key: findings, vulnerabilities, unauthorized, cleartext, credentials, remote-access, internet,
    /// cross-level, cross-subnet, many-plcs, events, alerts, inventory.</summary>
    public required IReadOnlyDictionary<string, ReportTable> Tables { get; init; }
    /// <summary>Per-device vulnerabilities by device id (devices without any are absent).</summary>
    public required IReadOnlyDictionary<int, DeviceVulnerabilities> Vulnerabilities { get; init; }
}
