namespace OtSensor.Outputs.Store;

/// <summary>
/// The state of one analysis run at one instant, to be written in one transaction by <see cref="SensorStore.WriteSnapshot"/>.
/// </summary>
/// <remarks>
/// Devices, connections and alerts are the run's whole current state (upserted); <see cref="Events"/> are only the
/// events not written before (appended). Ids inside are the run's; the store maps them to its own.
/// </remarks>
public sealed class AnalysisSnapshot
{
    /// <summary>The run: one play of one capture. Alerts and events are keyed by it.</summary>
    public required long RunId { get; init; }
    public IReadOnlyList<DeviceRecord> Devices { get; init; } = [];
    public IReadOnlyList<ConnectionRecord> Connections { get; init; } = [];
    public IReadOnlyList<AlertRecord> Alerts { get; init; } = [];
    public IReadOnlyList<EventRecord> Events { get; init; } = [];
    /// <summary>Packets and bytes the run read since the previous snapshot, counted at <see cref="TrafficMinute"/>.</summary>
    public long PacketsDelta { get; init; }
    public long BytesDelta { get; init; }
    /// <summary>Capture time of the last packet, epoch ms (the traffic chart's minute).</summary>
    public long? TrafficMinute { get; init; }
    /// <summary>The run's last snapshot, after its inventory merged devices: devices the run created and no longer holds are removed.</summary>
    public bool Final { get; init; }
    /// <summary>The run's learned baseline (baseline.json text), stored when not null.</summary>
    public string? Baseline { get; init; }
}
