namespace OtSensor.Analysis.Detection;

/// <summary>Where an alert stands in triage (sensor-reference §3.7: New, then closed by the user, learned or muted).</summary>
public enum AlertStatus : byte
{
    /// <summary>Raised and not yet looked at: repeats of the same traffic count up on it.</summary>
    New,
    /// <summary>Seen by a user and still open: repeats still count up on it.</summary>
    Acknowledged,
    /// <summary>Closed by a user: the same traffic again raises a new alert.</summary>
    Closed,
    /// <summary>Closed, and the pattern (type, source, destination) suppressed from then on; the baseline is unchanged.</summary>
    Muted,
    /// <summary>Closed, and the traffic added to the baseline as authorized.</summary>
    Learned,
}
