using OtSensor.Core.Time;

namespace OtSensor.Analysis.Detection;

/// <summary>
/// One raised alert and its aggregation: repeats of the same type between the same endpoints within the type's window
/// count up here (count, last time, a bounded list of evidence frames) instead of raising again.
/// </summary>
public sealed class Alert
{
    private readonly FrameRef[] _evidence;
    private readonly long _windowNanoseconds;

    internal Alert(int id, AlertType type, AlertKey key, int sourceDevice, int destinationDevice, Timestamp time, in AlertArguments arguments, int maxEvidence)
    {
        Id = id;
        Type = type;
        Key = key;
        SourceDeviceId = sourceDevice;
        DestinationDeviceId = destinationDevice;
        FirstTime = time;
        LastTime = time;
        Arguments = arguments;
        _evidence = new FrameRef[maxEvidence];
        _windowNanoseconds = type.Thresholds.Window.Ticks * 100;
    }

    public int Id { get; }
    public AlertType Type { get; }
    public AlertKey Key { get; }
    public AlertEndpoint Source => Key.Source;
    public AlertEndpoint Destination => Key.Destination;
    /// <summary>Inventory id of the source device when the detection knew it; 0 when none.</summary>
    public int SourceDeviceId { get; }
    public int DestinationDeviceId { get; }
    /// <summary>The first detection's facts (protocol, function, values): the message is rendered from them.</summary>
    public AlertArguments Arguments { get; }
    public Timestamp FirstTime { get; }
    public Timestamp LastTime { get; private set; }
    public long Count { get; private set; } = 1;
    public AlertStatus Status { get; internal set; }
    /// <summary>Evidence frames beyond the bound (<see cref="DetectionLimits.MaxEvidencePerAlert"/>).</summary>
    public long EvidenceDropped { get; private set; }
    public int EvidenceCount { get; private set; }

    public ReadOnlySpan<FrameRef> Evidence => _evidence.AsSpan(0, EvidenceCount);

    public bool IsOpen => Status is AlertStatus.New or AlertStatus.Acknowledged;

    /// <summary>A detection at <paramref name="time"/> would count up on this alert (open, within the type's window).</summary>
    internal bool CanCountUp(Timestamp time) => IsOpen && time.UnixNanoseconds - LastTime.UnixNanoseconds <= _windowNanoseconds;

    internal void CountUp(Timestamp time, FrameRef frame)
    {
        Count++;
        if (time > LastTime) LastTime = time;
        AddEvidence(frame);
    }

    internal void AddEvidence(FrameRef frame)
    {
        if (frame.IsNone) return;
        if (EvidenceCount > 0 && _evidence[EvidenceCount - 1] == frame) return;
        if (EvidenceCount < _evidence.Length) _evidence[EvidenceCount++] = frame;
        else EvidenceDropped++;
    }

    /// <summary>The message with the catalogue's template (made when alerts are written).</summary>
    public string RenderMessage() => Type.Message.Render(Source.ToString(), Destination.ToString(), Arguments, Count, Type.Thresholds.Window);

    public IReadOnlyList<string> RenderRemediation()
    {
        var steps = Type.RemediationTemplates;
        var text = new string[steps.Count];
        for (int i = 0; i < text.Length; i++) text[i] = steps[i].Render(Source.ToString(), Destination.ToString(), Arguments, Count, Type.Thresholds.Window);
        return text;
    }
}
