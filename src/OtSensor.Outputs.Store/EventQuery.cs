namespace OtSensor.Outputs.Store;

/// <summary>Filters and page of an event listing, newest first; null matches everything.</summary>
public sealed record EventQuery
{
    public string? Type { get; init; }
    public long? Since { get; init; }
    /// <summary>Events whose content names this address (a device page).</summary>
    public string? Address { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = 100;
}
