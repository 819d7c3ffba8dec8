using OtSensor.Core.Time;

namespace OtSensor.Analysis.Detection;

/// <summary>The run's event timeline, bounded by <see cref="DetectionLimits.MaxTimelineEvents"/> (the rest are counted).</summary>
/// <remarks>Events are rare (a device appears, a program is downloaded): each makes its content string when added.</remarks>
public sealed class Timeline(int maxEvents)
{
    private readonly List<TimelineEvent> _events = [];

    public IReadOnlyList<TimelineEvent> Events => _events;
    public long Dropped { get; private set; }

    public void Add(Timestamp time, TimelineEventType type, string content, AlertEndpoint source, AlertEndpoint destination, int alertId = 0)
    {
        if (_events.Count >= maxEvents)
        {
            Dropped++;
            return;
        }
        _events.Add(new TimelineEvent(time, type, content, source, destination, alertId));
    }
}
