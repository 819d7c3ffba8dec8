namespace OtSensor.Outputs.Store;

/// <summary>Filters and page of an alert listing (sensor API §9.2 and the console); null matches everything.</summary>
public sealed record AlertQuery
{
    public string? Status { get; init; }
    /// <summary>The sensor API's <c>state</c>: handled (not new) or unhandled (new).</summary>
    public bool? Handled { get; init; }
    public long? FromTime { get; init; }
    public long? ToTime { get; init; }
    public string? Engine { get; init; }
    public string? Severity { get; init; }
    public string? Search { get; init; }
    /// <summary>Only alerts whose catalogue type is one of these.</summary>
    public IReadOnlyList<string>? Types { get; init; }
    public int? DeviceId { get; init; }
    public int Offset { get; init; }
    public int? Limit { get; init; }
    /// <summary>Newest first (the console); the sensor API lists by id.</summary>
    public bool NewestFirst { get; init; }
}
