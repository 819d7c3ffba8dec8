namespace OtSensor.Outputs.Store;

/// <summary>Filters of a connection listing (sensor-reference §9.1 query parameters); null matches everything.</summary>
public sealed record ConnectionQuery
{
    /// <summary>Only connections with this device at either end.</summary>
    public int? DeviceId { get; init; }
    public long? DiscoveredBefore { get; init; }
    public long? DiscoveredAfter { get; init; }
    /// <summary>Only connections seen at or after this time (epoch ms).</summary>
    public long? LastSeenSince { get; init; }
    public string? Protocol { get; init; }
}
