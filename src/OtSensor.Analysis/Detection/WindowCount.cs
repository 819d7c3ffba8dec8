namespace OtSensor.Analysis.Detection;

/// <summary>A count of events in a tumbling window of capture time (the catalogue's "N in T" thresholds).</summary>
internal struct WindowCount
{
    /// <summary>Capture time (ns) the window started.</summary>
    public long Start;
    public int Count;

    /// <summary>Starts a new window when the current one has passed (or the clock went back); returns its start.</summary>
    public long Roll(long time, long window)
    {
        if (Count == 0 || time - Start >= window || time < Start)
        {
            Start = time;
            Count = 0;
        }
        return Start;
    }
}
