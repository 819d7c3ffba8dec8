namespace OtSensor.Core.Parsing;

public enum StreamStatus : byte
{
    /// <summary>Everything offered that forms whole frames was consumed.</summary>
    Ok,
    /// <summary>A frame is incomplete: keep the unconsumed bytes and offer them again with at least <see cref="StreamResult.Needed"/> bytes.</summary>
    Incomplete,
    /// <summary>The stream cannot be parsed any further (the session disables itself).</summary>
    Error,
}

/// <summary>Result of offering stream bytes to a session (cf. Suricata <c>AppLayerResult</c>).</summary>
public readonly record struct StreamResult(StreamStatus Status, int Consumed, int Needed)
{
    public static StreamResult Ok(int consumed) => new(StreamStatus.Ok, consumed, 0);
    /// <param name="consumed">Bytes fully used.</param>
    /// <param name="needed">Total contiguous bytes required from <paramref name="consumed"/> on.</param>
    public static StreamResult Incomplete(int consumed, int needed) => new(StreamStatus.Incomplete, consumed, needed);
    public static StreamResult Error(int consumed) => new(StreamStatus.Error, consumed, 0);
}
