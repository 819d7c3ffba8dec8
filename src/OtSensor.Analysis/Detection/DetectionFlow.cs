using OtSensor.Core.Protocols;

namespace OtSensor.Analysis.Detection;

/// <summary>
/// What detection keeps on one flow: its hosts (resolved once when the flow opens) and the last few request kinds
/// already found authorized, so a poll that repeats costs one comparison instead of baseline look-ups.
/// </summary>
public sealed class DetectionFlow
{
    private const int CacheSize = 4;
    private readonly long[] _verified = new long[CacheSize];
    private int _next;

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

    /// <summary>A request kind (protocol, direction, function, operation packed) already found authorized on this flow.</summary>
    internal bool IsVerified(long tag)
    {
        var v = _verified;
        return v[0] == tag || v[1] == tag || v[2] == tag || v[3] == tag;
    }

    internal void Verified(long tag)
    {
        _verified[_next] = tag;
        _next = (_next + 1) & (CacheSize - 1);
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
        Array.Fill(_verified, -1L);
        _next = 0;
    }

    public DetectionFlow() => Reset();
}
