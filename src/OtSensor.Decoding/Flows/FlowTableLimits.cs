namespace OtSensor.Decoding.Flows;

/// <summary>Bounds and idle timeouts of <see cref="FlowTable"/>.</summary>
/// <remarks>
/// Timeouts follow Suricata's <c>flow-timeouts</c> idea (per protocol and state), shortened for OT networks where
/// polling connections stay up for days but are busy, and a dead flow should not hold memory long.
/// </remarks>
public sealed class FlowTableLimits
{
    /// <summary>Shared default instance; treat as read-only.</summary>
    public static readonly FlowTableLimits Default = new();

    /// <summary>Most flows tracked at once; when full the least recently used flow is evicted. Default 262,144.</summary>
    public int MaxFlows { get; init; } = 262_144;

    /// <summary>Dictionary capacity reserved up front (grows up to <see cref="MaxFlows"/> during warm-up). Default 4,096.</summary>
    public int InitialCapacity { get; init; } = 4096;

    /// <summary>TCP flow with a SYN but no completed handshake. Default 30 s.</summary>
    public TimeSpan TcpNewTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>TCP flow established (or picked up mid-stream), including half-closed. Default 600 s.</summary>
    public TimeSpan TcpEstablishedTimeout { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>TCP flow closed by FINs both ways or an RST. Default 10 s.</summary>
    public TimeSpan TcpClosedTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>UDP flow. Default 120 s.</summary>
    public TimeSpan UdpTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Other IP protocols (ICMP, ...). Default 60 s.</summary>
    public TimeSpan OtherTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Include the outermost VLAN id in the flow key (Suricata <c>vlan.use-for-tracking</c>). Default true.</summary>
    public bool UseVlanInKey { get; init; } = true;
}
