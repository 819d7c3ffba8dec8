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
    // For a kind whose detection was dropped (rate limit, cap, muted): until when repeats are dropped without judging.
    private readonly long[] _retryAfter = new long[CacheSize];
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

    /// <summary>The token of this flow's TCP connection attempt while its handshake is undecided (see <see cref="ConnectionAttempts"/>); 0 otherwise.</summary>
    internal long AttemptToken;

    /// <summary>The flow's SYN is still waiting for the handshake's outcome: the pipeline reports its segments' flags.</summary>
    public bool AwaitingHandshake => AttemptToken != 0;

    /// <summary>The cleartext login protocol whose segments detection reads on this flow (FTP, Telnet by port), or none.</summary>
    public CleartextLogin Cleartext { get; internal set; }

    /// <summary>Requests seen on this flow (the polling rate the periodicity check compares from one check to the next).</summary>
    internal long Requests;
    /// <summary><see cref="Requests"/> at the previous periodicity check.</summary>
    internal long RequestsAtCheck;
    /// <summary>The periodicity check interval the flow opened in (its first interval is partial and never judged).</summary>
    internal long OpenedInterval;
    /// <summary>
    /// The last interval in which this object was put on the periodicity check's list of flows with requests. Not
    /// cleared by <see cref="Reset"/>: a pooled object reused within an interval is already on the list, once.
    /// </summary>
    internal long ListedInterval;

    /// <summary>
    /// A request kind (protocol, operation, direction, function packed in <paramref name="tag"/>) judged before on this
    /// flow: <see cref="Repeat.Handled"/> when nothing more is to be done (authorized, or its open alerts counted up),
    /// <see cref="Repeat.Dropped"/> when its last judgment was dropped by a rate limit and the drop still holds.
    /// </summary>
    internal Repeat TryRepeat(long tag, Timestamp time, FrameRef frame)
    {
        int slot;
        var tags = _tags;
        if (tags[0] == tag) slot = 0;
        else if (tags[1] == tag) slot = 1;
        else if (tags[2] == tag) slot = 2;
        else if (tags[3] == tag) slot = 3;
        else return Repeat.Miss;
        int first = slot * AlertsPerKind;
        long retryAfter = _retryAfter[slot];
        if (retryAfter != 0 && time.UnixNanoseconds >= retryAfter) return Repeat.Miss;
        if (_alerts[first] is null)
        {
            if (retryAfter != 0) return Repeat.Dropped;
            LastCleanTag = tag;
            return Repeat.Handled;
        }
        // Every alert of the kind must still be open and within its window, else the slow path raises afresh.
        for (int i = first; i < first + AlertsPerKind; i++)
            if (_alerts[i] is { } alert && !alert.CanCountUp(time)) return Repeat.Miss;
        for (int i = first; i < first + AlertsPerKind; i++) _alerts[i]?.CountUp(time, frame);
        return retryAfter != 0 ? Repeat.Dropped : Repeat.Handled;
    }

    /// <summary>What a repeated request kind needs.</summary>
    internal enum Repeat : byte
    {
        /// <summary>Not judged on this flow (or its judgment expired): the slow path judges it.</summary>
        Miss,
        Handled,
        /// <summary>Part of a flood whose detections are being dropped: counted as dropped, not judged.</summary>
        Dropped,
    }

    /// <summary>Remembers a judged request kind and the alerts it raised (none when authorized).</summary>
    /// <param name="tag">The request kind.</param>
    /// <param name="a">An alert it raised, or null.</param>
    /// <param name="b">Another.</param>
    /// <param name="c">Another.</param>
    /// <param name="d">Another.</param>
    /// <param name="retryAfter">Capture time (ns) until which repeats are dropped unjudged; 0 when nothing was dropped.</param>
    internal void Remember(long tag, Alert? a, Alert? b, Alert? c, Alert? d, long retryAfter)
    {
        int slot = _next;
        _next = (_next + 1) & (CacheSize - 1);
        _tags[slot] = tag;
        _retryAfter[slot] = retryAfter;
        int first = slot * AlertsPerKind;
        // Packed to the front, so an entry without alerts is recognised by its first slot.
        Span<Alert?> raised = [a, b, c, d];
        int n = 0;
        foreach (var alert in raised)
            if (alert is not null) _alerts[first + n++] = alert;
        for (int i = n; i < AlertsPerKind; i++) _alerts[first + i] = null;
        // A slot reused for an alerting kind must not leave its old tag as the clean one.
        if (n == 0 && retryAfter == 0) LastCleanTag = tag;
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
        AttemptToken = 0;
        Cleartext = CleartextLogin.None;
        Requests = 0;
        RequestsAtCheck = 0;
        OpenedInterval = 0;
        Array.Fill(_tags, -1L);
        Array.Clear(_retryAfter);
        LastCleanTag = -1;
        Array.Clear(_alerts);
        _next = 0;
    }

    public DetectionFlow() => Reset();
}
