using OtSensor.Core.Protocols;
using OtSensor.Core.Time;

namespace OtSensor.Analysis.Detection;

/// <summary>
/// What detection keeps on one flow: its hosts (resolved once when the flow opens) and the last few request kinds
/// already judged, with the alerts each raised, so a repeated request costs one comparison (and, if it is an alerting
/// one, a count-up on the alerts it raised before) instead of baseline and alert look-ups.
/// </summary>
public sealed class DetectionFlow
{
    private const int CacheSize = 4;
    /// <summary>Alerts one request kind can raise (two operational, function code, unauthorized operation).</summary>
    internal const int AlertsPerKind = 4;
    private readonly long[] _tags = new long[CacheSize];
    private readonly Alert?[] _alerts = new Alert?[CacheSize * AlertsPerKind];
    private int _next;

    /// <summary>The request kind last found authorized on this flow (checked inline before the cache).</summary>
    internal long LastCleanTag;

    /// <summary>Baseline host of the flow's transport client and server; -1 when none (group address, baseline full).</summary>
    internal int ClientHost { get; set; } = -1;
    internal int ServerHost { get; set; } = -1;
    internal int ClientDevice { get; set; }
    internal int ServerDevice { get; set; }
    internal ushort ServerPort { get; set; }
    /// <summary>The protocol whose pair tuple was last checked on this flow.</summary>
    internal ProtocolId CheckedProtocol { get; set; }
    /// <summary>This flow already raised New Connection Detected: its protocol is not reported again.</summary>
    internal bool ConnectionAlerted { get; set; }

    /// <summary>
    /// A request kind (protocol, operation, direction, function packed in <paramref name="tag"/>) judged before on this
    /// flow: true when nothing more is to be done (authorized, or its open alerts counted up).
    /// </summary>
    internal bool TryRepeat(long tag, Timestamp time, FrameRef frame)
    {
        int slot;
        var tags = _tags;
        if (tags[0] == tag) slot = 0;
        else if (tags[1] == tag) slot = 1;
        else if (tags[2] == tag) slot = 2;
        else if (tags[3] == tag) slot = 3;
        else return false;
        int first = slot * AlertsPerKind;
        var a = _alerts[first];
        if (a is null)
        {
            LastCleanTag = tag;
            return true;
        }
        // Every alert of the kind must still be open and within its window, else the slow path raises afresh.
        for (int i = first; i < first + AlertsPerKind; i++)
            if (_alerts[i] is { } alert && !alert.CanCountUp(time)) return false;
        for (int i = first; i < first + AlertsPerKind; i++) _alerts[i]?.CountUp(time, frame);
        return true;
    }

    /// <summary>Remembers a judged request kind and the alerts it raised (none when authorized).</summary>
    internal void Remember(long tag, Alert? a, Alert? b, Alert? c, Alert? d)
    {
        int slot = _next;
        _next = (_next + 1) & (CacheSize - 1);
        _tags[slot] = tag;
        int first = slot * AlertsPerKind;
        // Packed to the front, so an entry without alerts is recognised by its first slot.
        Span<Alert?> raised = [a, b, c, d];
        int n = 0;
        foreach (var alert in raised)
            if (alert is not null) _alerts[first + n++] = alert;
        for (int i = n; i < AlertsPerKind; i++) _alerts[first + i] = null;
        // A slot reused for an alerting kind must not leave its old tag as the clean one.
        if (n == 0) LastCleanTag = tag;
        else if (LastCleanTag == tag) LastCleanTag = -1;
    }

    public void Reset()
    {
        ClientHost = -1;
        ServerHost = -1;
        ClientDevice = 0;
        ServerDevice = 0;
        ServerPort = 0;
        CheckedProtocol = ProtocolId.Unknown;
        ConnectionAlerted = false;
        Array.Fill(_tags, -1L);
        LastCleanTag = -1;
        Array.Clear(_alerts);
        _next = 0;
    }

    public DetectionFlow() => Reset();
}
