namespace OtSensor.Outputs.Store;

/// <summary>
/// A timeline event (sensor-reference §9.2 <c>/api/v1/events</c>: <c>timestamp, type, title, severity, owner,
/// content</c>) with its device addresses and the store id of the alert it belongs to.
/// </summary>
/// <remarks>In a snapshot <see cref="Sequence"/> is the event's index in the run's timeline and <see cref="AlertId"/> the run's alert id.</remarks>
public sealed class EventRecord
{
    public long Id { get; set; }
    public int Sequence { get; init; }
    public long Timestamp { get; init; }
    public required string Type { get; init; }
    public required string Title { get; init; }
    public required string Severity { get; init; }
    public string? Owner { get; init; }
    public required string Content { get; init; }
    public string? SourceAddress { get; init; }
    public string? DestinationAddress { get; init; }
    public long? AlertId { get; set; }
}
