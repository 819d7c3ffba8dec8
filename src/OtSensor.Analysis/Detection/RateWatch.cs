using System.Globalization;
using OtSensor.Analysis.Inventory;
using OtSensor.Core.Time;

namespace OtSensor.Analysis.Detection;

/// <summary>
/// The time-driven part of the anomaly engine, run with the responsiveness check (every 30 s of capture time):
/// polling periodicity per channel and traffic rate per device pair, each compared with what was learned.
/// </summary>
/// <remarks>
/// <para>Periodicity (sensor-reference §3.5, Abnormal Periodic Behavior In Communication Channel): the requests a flow
/// carried in each interval (counted by one increment per request PDU) are learned per channel (client, server, server
/// port) as a range while learning; afterwards two intervals in a row more than <see cref="PeriodChange"/> outside that
/// range (and by more than <see cref="PeriodSlack"/> requests) are a change of the polling period. A flow's first interval is
/// partial and never judged; an interval without requests is not judged either (a flow that ended is no period change;
/// silence is the unresponsiveness check's).</para>
/// <para>Bandwidth (Abnormal Traffic Bandwidth): the bytes of each inventory connection per interval, learned as the
/// highest rate; afterwards an interval above <see cref="BandwidthFactor"/> times it, and above
/// <see cref="BandwidthFloor"/> bytes, is abnormal. The inventory already counts those bytes per packet: this adds
/// nothing to the hot path.</para>
/// </remarks>
internal sealed class RateWatch
{
    /// <summary>Relative change of a channel's requests per interval that counts as a new period (0.5: 50 %).</summary>
    internal const double PeriodChange = 0.5;
    /// <summary>Requests per interval a change must also exceed (jitter of a few polls is no new period).</summary>
    internal const int PeriodSlack = 4;
    /// <summary>Intervals a channel must have been learned over before it is judged.</summary>
    internal const int LearnedIntervals = 2;
    internal const double BandwidthFactor = 4;
    internal const long BandwidthFloor = 256 * 1024;

    private readonly AlertManager _alerts;
    private readonly AlertTypeIndex _t;
    private readonly Baseline _baseline;
    private readonly int _maxChannels;
    // Flows with a request in the current interval: the periodicity check visits only these, not every flow state in
    // the pool (a replay of many captures keeps thousands of idle flow states, and checks at every jump in time).
    private readonly List<DetectionFlow> _active = [];
    private readonly Dictionary<(int, int, ushort), Range> _channels = [];
    private readonly Dictionary<Connection, Range> _pairs = new(ReferenceEqualityComparer.Instance);
    // Capture time of the previous check: a connection with no packet since then has nothing to measure, and is passed
    // over without a look-up (a long run holds thousands of connections, most of them idle at any one check).
    private long _previousCheck = long.MinValue;

    public RateWatch(AlertManager alerts, AlertTypeIndex types, Baseline baseline, int maxChannels)
    {
        _alerts = alerts;
        _t = types;
        _baseline = baseline;
        _maxChannels = maxChannels;
    }

    /// <summary>Channels and pairs with a learned rate.</summary>
    public int Channels => _channels.Count + _pairs.Count;

    /// <summary>The current interval between two checks (1 before the first check).</summary>
    public long Interval { get; private set; } = 1;

    /// <summary>A flow opened now: its first interval is partial.</summary>
    public void OnFlowOpened(DetectionFlow flow) => flow.OpenedInterval = Interval;

    /// <summary>A request on <paramref name="flow"/>: the first one of the interval puts it on the list of flows the next check visits.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void OnRequest(DetectionFlow flow)
    {
        flow.Requests++;
        if (flow.ListedInterval != Interval) Enlist(flow);
    }

    private void Enlist(DetectionFlow flow)
    {
        flow.ListedInterval = Interval;
        _active.Add(flow);
    }

    /// <summary>One check: every flow's requests and every connection's bytes since the previous check.</summary>
    /// <param name="now">Capture time of the check.</param>
    /// <param name="connections">The inventory's connections.</param>
    /// <param name="learning">Whether (time, client host, server host) is still learned.</param>
    public void Check(Timestamp now, ReadOnlySpan<Connection> connections, Func<long, int, int, bool> learning)
    {
        long t = now.UnixNanoseconds;
        long interval = Interval++;
        foreach (var flow in _active)
        {
            long delta = flow.Requests - flow.RequestsAtCheck;
            flow.RequestsAtCheck = flow.Requests;
            if (flow.OpenedInterval == interval || delta == 0 || flow.ClientHost < 0 || flow.ServerHost < 0) continue;
            var key = (flow.ClientHost, flow.ServerHost, flow.ServerPort);
            bool known = _channels.TryGetValue(key, out var range);
            if (learning(t, flow.ClientHost, flow.ServerHost) || !known || range.Intervals < LearnedIntervals)
            {
                if (known || _channels.Count < _maxChannels) _channels[key] = range.With(delta);
                continue;
            }
            if (delta <= (range.Max * (1 + PeriodChange)) + PeriodSlack && delta >= (range.Min * (1 - PeriodChange)) - PeriodSlack)
            {
                if (range.Strikes != 0) _channels[key] = range with { Strikes = 0 };
                continue;
            }
            // One odd interval is a burst (an operator's reads, a retry storm); a period has changed when it lasts.
            if (range.Strikes == 0)
            {
                _channels[key] = range with { Strikes = 1 };
                continue;
            }
            var arguments = AlertArguments.None with
            {
                Port = flow.ServerPort,
                Previous = string.Create(CultureInfo.InvariantCulture, $"{range.Min}-{range.Max} requests per check"),
                Value = string.Create(CultureInfo.InvariantCulture, $"{delta} requests"),
            };
            _alerts.Raise(_t.PeriodicBehavior, now, _baseline[flow.ClientHost].Endpoint, _baseline[flow.ServerHost].Endpoint,
                flow.ClientDevice, flow.ServerDevice, default, in arguments);
        }
        _active.Clear();
        if (!_alerts.IsEnabled(_t.Bandwidth)) return;
        long previous = _previousCheck;
        _previousCheck = t;
        for (int i = 0; i < connections.Length; i++)
        {
            var connection = connections[i];
            if (connection.LastSeen.UnixNanoseconds < previous) continue;
            bool known = _pairs.TryGetValue(connection, out var range);
            long bytes = connection.Bytes - range.Total;
            if (!known && _pairs.Count >= _maxChannels) continue;
            bool learn = !known || learning(t, -1, -1) || range.Intervals < LearnedIntervals;
            if (!learn && bytes > BandwidthFloor && bytes > range.Max * BandwidthFactor)
            {
                var arguments = AlertArguments.None with
                {
                    Value = string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes per check"),
                    Previous = string.Create(CultureInfo.InvariantCulture, $"up to {range.Max} bytes"),
                };
                _alerts.Raise(_t.Bandwidth, now, DetectionEngine.Endpoint(connection.First), DetectionEngine.Endpoint(connection.Second),
                    connection.First.Id, connection.Second.Id, default, in arguments);
                range = range with { Total = connection.Bytes };
            }
            else
            {
                // The first interval of a pair is partial: its total is the starting point, not a rate.
                range = known ? range.With(bytes) with { Total = connection.Bytes } : new Range { Total = connection.Bytes };
            }
            _pairs[connection] = range;
        }
    }

    /// <summary>A learned range of a count per interval.</summary>
    private readonly record struct Range(long Min, long Max, int Intervals, long Total, int Strikes = 0)
    {
        public Range With(long value) => Intervals == 0
            ? this with { Min = value, Max = value, Intervals = 1 }
            : this with { Min = Math.Min(Min, value), Max = Math.Max(Max, value), Intervals = Intervals + 1 };
    }
}
