using OtSensor.Core.Time;

namespace OtSensor.Analysis.Detection;

/// <summary>
/// Raises, aggregates and triages alerts. A detection whose type, source and destination match an open alert last
/// seen within the type's window counts up on it (no allocation); otherwise a new alert is made, unless the type is
/// disabled, the pattern is muted, the type has used its per-minute allowance or the run's cap is reached, in which
/// case the detection is only counted in <see cref="Suppressed"/>.
/// </summary>
/// <remarks>
/// Lifecycle after sensor-reference §3.7: New → Acknowledged → Closed; Mute closes and suppresses the pattern from
/// then on; Learn closes and hands the alert to the <see cref="IAlertLearner"/> (the baseline) so the same traffic is
/// authorized. A closed alert's traffic raises a new alert when it recurs.
/// </remarks>
public sealed class AlertManager
{
    private static readonly long MinuteNanoseconds = TimeSpan.FromMinutes(1).Ticks * 100;
    private readonly AlertCatalogue _catalogue;
    private readonly DetectionLimits _limits;
    private readonly Dictionary<AlertKey, Alert> _open = [];
    private readonly HashSet<AlertKey> _muted = [];
    private readonly List<Alert> _alerts = [];
    private readonly long[] _suppressed;
    private readonly long[] _minuteStart;
    private readonly int[] _minuteCount;
    private readonly bool[] _enabled;

    public AlertManager(AlertCatalogue catalogue, DetectionLimits limits, Timeline timeline)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _catalogue = catalogue;
        _limits = limits ?? new DetectionLimits();
        Timeline = timeline;
        int n = catalogue.Types.Count;
        _suppressed = new long[n];
        _minuteStart = new long[n];
        _minuteCount = new int[n];
        _enabled = new bool[n];
        for (int i = 0; i < n; i++)
        {
            _enabled[i] = catalogue[i].Enabled;
            _minuteStart[i] = long.MinValue;
        }
    }

    public AlertCatalogue Catalogue => _catalogue;
    public Timeline Timeline { get; }
    public IReadOnlyList<Alert> Alerts => _alerts;
    /// <summary>Receives alerts the user learns (the detection engine's baseline).</summary>
    public IAlertLearner? Learner { get; set; }

    /// <summary>Detections not stored as alerts (per-type rate limit or the run's cap), by type index.</summary>
    public long Suppressed(int type) => _suppressed[type];

    /// <summary>Repeats of a dropped detection on the same flow, not judged again while the flood lasts.</summary>
    public long DroppedRepeats { get; private set; }

    internal void CountDropped() => DroppedRepeats++;

    public long TotalSuppressed
    {
        get
        {
            long total = DroppedRepeats;
            foreach (long s in _suppressed) total += s;
            return total;
        }
    }

    /// <summary>The last <see cref="Raise"/> was dropped (muted, rate-limited or over the cap) rather than disabled or stored.</summary>
    public bool LastSuppressed { get; private set; }

    /// <summary>Detections that matched a muted pattern (the sensor drops them; they are counted here).</summary>
    public long MutedDetections { get; private set; }

    public bool IsEnabled(int type) => _enabled[type];

    /// <summary>Raises a detection of <paramref name="type"/>; returns the alert it counted on or made, or null when suppressed.</summary>
    public Alert? Raise(int type, Timestamp time, AlertEndpoint source, AlertEndpoint destination, int sourceDevice, int destinationDevice,
        FrameRef evidence, in AlertArguments arguments)
    {
        LastSuppressed = false;
        if (!_enabled[type]) return null;
        var key = new AlertKey(type, source, destination);
        if (_open.TryGetValue(key, out var existing))
        {
            if (existing.CanCountUp(time))
            {
                existing.CountUp(time, evidence);
                return existing;
            }
            _open.Remove(key);
        }
        if (_muted.Count > 0 && _muted.Contains(key))
        {
            MutedDetections++;
            LastSuppressed = true;
            return null;
        }
        if (!Allow(type, time) || _alerts.Count >= _limits.MaxAlerts)
        {
            _suppressed[type]++;
            LastSuppressed = true;
            return null;
        }
        var alert = new Alert(_alerts.Count + 1, _catalogue[type], key, sourceDevice, destinationDevice, time, arguments, _limits.MaxEvidencePerAlert);
        alert.AddEvidence(evidence);
        _alerts.Add(alert);
        _open[key] = alert;
        Timeline.Add(time, TimelineEventType.AlertReported, alert.Type.Title, source, destination, alert.Id);
        return alert;
    }

    /// <summary>The per-type allowance of new alerts per minute of capture time.</summary>
    private bool Allow(int type, Timestamp time)
    {
        long now = time.UnixNanoseconds;
        long start = _minuteStart[type];
        // A detection stamped before the current minute (a new asset reported at its first sighting, a second input
        // with an earlier clock) counts in that minute: restarting the minute would let out-of-order times slip past.
        if (start == long.MinValue || now - start >= MinuteNanoseconds)
        {
            _minuteStart[type] = now;
            _minuteCount[type] = 0;
        }
        return ++_minuteCount[type] <= _catalogue[type].Thresholds.MaxPerMinute;
    }

    public Alert? Find(int id) => id >= 1 && id <= _alerts.Count ? _alerts[id - 1] : null;

    /// <summary>Marks an alert as seen; it stays open and keeps counting up.</summary>
    public bool Acknowledge(int id) => Transition(id, AlertStatus.Acknowledged);

    /// <summary>Closes an alert: the same traffic again raises a new one.</summary>
    public bool Close(int id) => Transition(id, AlertStatus.Closed);

    /// <summary>Closes an alert and suppresses its pattern (type, source, destination) from then on.</summary>
    public bool Mute(int id)
    {
        if (!Transition(id, AlertStatus.Muted)) return false;
        _muted.Add(_alerts[id - 1].Key);
        return true;
    }

    /// <summary>Suppresses a pattern without an alert (a muted pattern reloaded from a baseline file).</summary>
    public void Mute(AlertKey pattern) => _muted.Add(pattern);

    public IReadOnlyCollection<AlertKey> MutedPatterns => _muted;

    /// <summary>Closes an alert and adds its traffic to the baseline, so the same traffic is authorized from then on.</summary>
    public bool Learn(int id)
    {
        if (!Transition(id, AlertStatus.Learned)) return false;
        Learner?.Learn(_alerts[id - 1]);
        return true;
    }

    private bool Transition(int id, AlertStatus status)
    {
        var alert = Find(id);
        if (alert is null || !alert.IsOpen && status == AlertStatus.Acknowledged) return false;
        alert.Status = status;
        if (!alert.IsOpen && _open.TryGetValue(alert.Key, out var open) && ReferenceEquals(open, alert)) _open.Remove(alert.Key);
        return true;
    }

    /// <summary>New alerts per severity (for summaries).</summary>
    public long[] CountBySeverity()
    {
        var counts = new long[4];
        foreach (var alert in _alerts) counts[(int)alert.Type.Severity]++;
        return counts;
    }
}
