namespace OtSensor.Outputs.Reports.Model;

/// <summary>Everything a risk assessment is computed from: the inventory, connections, alerts and timeline of one analysis.</summary>
/// <remarks>Built by <see cref="ReportInputBuilder"/> from analysis results, or directly (tests, benchmarks).</remarks>
public sealed class ReportInput
{
    public string Site { get; init; } = "Unnamed site";
    public string Sensor { get; init; } = "otsensor";
    public DateTime? CaptureStart { get; init; }
    public DateTime? CaptureEnd { get; init; }
    public DateTime Generated { get; init; } = DateTime.UtcNow;
    /// <summary>The capture files the analysis read (names only are printed).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];
    /// <summary>False when the analysis ran without detection: the alert and event sections say so instead of "none".</summary>
    public bool DetectionRan { get; init; }
    public IReadOnlyList<ReportDevice> Devices { get; init; } = [];
    public IReadOnlyList<ReportConnection> Connections { get; init; } = [];
    public IReadOnlyList<ReportAlert> Alerts { get; init; } = [];
    public IReadOnlyList<ReportEvent> Events { get; init; } = [];

    /// <summary>A copy with other devices, connections, alerts or events (the "fix a finding" what-if).</summary>
    public ReportInput With(IReadOnlyList<ReportDevice>? devices = null, IReadOnlyList<ReportConnection>? connections = null,
        IReadOnlyList<ReportAlert>? alerts = null, IReadOnlyList<ReportEvent>? events = null) => new()
    {
        Site = Site,
        Sensor = Sensor,
        CaptureStart = CaptureStart,
        CaptureEnd = CaptureEnd,
        Generated = Generated,
        Sources = Sources,
        DetectionRan = DetectionRan,
        Devices = devices ?? Devices,
        Connections = connections ?? Connections,
        Alerts = alerts ?? Alerts,
        Events = events ?? Events,
    };
}
