namespace OtSensor.Outputs.Store;

/// <summary>
/// A connection between two devices (§9.1: <c>firstDeviceId, secondDeviceId, lastSeen, discovered, ports, protocols</c>)
/// plus its traffic. Device ids are the run's in a snapshot and the store's when read back.
/// </summary>
public sealed class ConnectionRecord
{
    public long Id { get; set; }
    public int FirstDeviceId { get; set; }
    public int SecondDeviceId { get; set; }
    public long Discovered { get; init; }
    public long LastSeen { get; init; }
    public IReadOnlyList<int> Ports { get; init; } = [];
    public IReadOnlyList<ConnectionProtocolRecord> Protocols { get; init; } = [];
    public long Packets { get; init; }
    public long Bytes { get; init; }
}
