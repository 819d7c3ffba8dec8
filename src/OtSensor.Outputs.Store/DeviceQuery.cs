namespace OtSensor.Outputs.Store;

/// <summary>Filters, order and page of a device listing. Null filters match everything; a null <see cref="Limit"/> returns all.</summary>
public sealed record DeviceQuery
{
    public string? Search { get; init; }
    public string? Type { get; init; }
    public int? PurdueLevel { get; init; }
    public string? Protocol { get; init; }
    public bool? Authorized { get; init; }
    /// <summary>name, ip, type, vendor, lastSeen or purdueLevel (default: id).</summary>
    public string? Sort { get; init; }
    public bool Descending { get; init; }
    public int Offset { get; init; }
    public int? Limit { get; init; }
    /// <summary>Include each device's evidence (the device page).</summary>
    public bool WithEvidence { get; init; }
}
