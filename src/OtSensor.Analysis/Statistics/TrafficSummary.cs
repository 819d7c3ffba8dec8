using OtSensor.Core.Time;

namespace OtSensor.Analysis.Statistics;

/// <summary>
/// Counts of one analysis run, for <c>summary.json</c> and the console summary: files read, frames and
/// bytes, capture span, layers seen, PDUs per protocol, anomalies by name, flow and reassembly counters.
/// Filled by the engine at the end of a run (the hot path keeps plain counters).
/// </summary>
public sealed class TrafficSummary
{
    public List<CaptureFileReport> Files { get; } = [];
    public long Frames { get; set; }
    public long Bytes { get; set; }
    public Timestamp? FirstPacket { get; set; }
    public Timestamp? LastPacket { get; set; }
    public SortedDictionary<string, long> LinkTypes { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, long> Layers { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, long> Pdus { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, long> Anomalies { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, long> Flows { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, long> Reassembly { get; } = new(StringComparer.Ordinal);
    /// <summary>Alerts raised: total, per severity and engine, suppressed; timeline events.</summary>
    public SortedDictionary<string, long> Alerts { get; } = new(StringComparer.Ordinal);
    public int Devices { get; set; }
    public int Connections { get; set; }
    public TimeSpan Elapsed { get; set; }
    public long PeakWorkingSetBytes { get; set; }

    public bool AnythingUsable => Frames > 0;
}
