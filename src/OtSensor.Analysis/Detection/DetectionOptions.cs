namespace OtSensor.Analysis.Detection;

/// <summary>Settings of detection for one run.</summary>
public sealed record DetectionOptions
{
    /// <summary>
    /// How long, in capture time from the first packet, the baseline is learned before the sensor turns operational
    /// (sensor-reference §4.1; counted in capture time so replays work). The default, one minute, suits the minutes-long
    /// replays this tool is mostly given (every periodic exchange of a polling plant is seen several times within it);
    /// a live or day-long capture wants <c>--learn 1h</c> or more, and a run started from a saved baseline wants 0.
    /// </summary>
    public static readonly TimeSpan DefaultLearning = TimeSpan.FromMinutes(1);

    public TimeSpan Learning { get; init; } = DefaultLearning;

    /// <summary>
    /// The learning window of a device first seen after learning (§4.1 gives them their own). Its reads and polls are
    /// learned; its writes, programming, firmware, control and identity requests are not, and still alert. Null: same as
    /// <see cref="Learning"/>.
    /// </summary>
    public TimeSpan? NewcomerLearning { get; init; }

    /// <summary>How often, in capture time, time-driven checks run (new devices, unresponsive devices, traffic gaps).</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromSeconds(5);

    public AlertCatalogue Catalogue { get; init; } = AlertCatalogue.Default;

    /// <summary>A baseline to start from (<c>--baseline FILE</c>); null to learn from scratch.</summary>
    public Baseline? Baseline { get; init; }

    public DetectionLimits Limits { get; init; } = new();

    /// <summary>Known-bad addresses and domains for the malware engine (<c>--indicators FILE</c>); null: the embedded <see cref="IndicatorSet.Default"/>.</summary>
    public IndicatorSet? Indicators { get; init; }
}
