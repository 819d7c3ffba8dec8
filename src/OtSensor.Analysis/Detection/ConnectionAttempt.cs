namespace OtSensor.Analysis.Detection;

/// <summary>
/// A TCP connection attempt (the client's SYN) awaiting its fate: what a failed one counts as, towards which source's
/// address and port scan counters, with the SYN as evidence.
/// </summary>
internal struct ConnectionAttempt
{
    /// <summary>The attempt's sequence number, 0 when the slot holds none (decided, or never used).</summary>
    public long Token;
    /// <summary>Capture time (ns) of the SYN.</summary>
    public long Time;
    public int Client;
    public int Server;
    public AlertEndpoint Source;
    public AlertEndpoint Destination;
    /// <summary>The destination address, hashed as the scan counters key it.</summary>
    public ulong Address;
    public ushort Port;
    public FrameRef Evidence;
}
