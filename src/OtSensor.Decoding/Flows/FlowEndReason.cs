namespace OtSensor.Decoding.Flows;

/// <summary>Why <see cref="FlowTable"/> ended a flow.</summary>
public enum FlowEndReason : byte
{
    /// <summary>No packet within the idle timeout of the flow's state.</summary>
    IdleTimeout = 0,
    /// <summary>The table was full and this was the least recently used flow.</summary>
    Evicted = 1,
    /// <summary>A new SYN arrived on the tuple of a closed TCP connection (port reuse).</summary>
    TcpPortReuse = 2,
    /// <summary><see cref="FlowTable.EndAll"/> was called (shutdown, end of capture file).</summary>
    Shutdown = 3,
}
