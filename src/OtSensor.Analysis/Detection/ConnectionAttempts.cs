using OtSensor.Core.Time;

namespace OtSensor.Analysis.Detection;

/// <summary>
/// The TCP connection attempts of the last seconds whose handshake is not decided yet, in SYN order: a fixed ring of
/// <see cref="Capacity"/> slots, addressed by a token (the attempt's sequence number) that the flow keeps.
/// </summary>
/// <remarks>
/// <para>A scanner is told from a busy client by what its SYNs get (RFC 9293 §3.5): a port scan's probes are refused
/// (RST), torn down half-open by the scanner (SYN, SYN-ACK, RST) or go unanswered, where a client's connections
/// complete. Only failed attempts count towards Address and Port Scan Detected; a completed one is forgotten.</para>
/// <para>An attempt with no decision <see cref="UnansweredNanoseconds"/> after its SYN is judged unanswered at the next
/// time-driven check (every 5 s of capture time), so a SYN a flow's end or reuse left behind is still counted. When the
/// ring is full the oldest attempt is judged at once, as unanswered if still undecided: a SYN flood costs early
/// verdicts, never memory. Nothing here allocates after construction.</para>
/// </remarks>
internal sealed class ConnectionAttempts
{
    /// <summary>Slots (a power of two): 4 096 SYNs within the few seconds an attempt waits.</summary>
    public const int Capacity = 4096;

    /// <summary>
    /// How long a SYN may wait for its SYN-ACK before the attempt is judged unanswered: three seconds, past the first
    /// SYN retransmission of common stacks (1 s, RFC 6298 §2.1 recommends it as the initial RTO) and far beyond LAN
    /// round trips, while a scan's unanswered probes are still counted within seconds.
    /// </summary>
    public const long UnansweredNanoseconds = 3_000_000_000;

    private readonly ConnectionAttempt[] _ring = new ConnectionAttempt[Capacity];
    // Sequence numbers: the next to give out, and the oldest not yet judged by age (tokens start at 1; 0 means none).
    private long _next = 1;
    private long _oldest = 1;

    /// <summary>Undecided attempts in the ring.</summary>
    public int Count { get; private set; }

    /// <summary>Records an attempt; returns its token.</summary>
    public long Open(in ConnectionAttempt attempt, AnomalyEngine engine)
    {
        if (_next - _oldest == Capacity) Judge(ref _ring[_oldest++ & (Capacity - 1)], new Timestamp(attempt.Time), engine);
        long token = _next++;
        ref var slot = ref _ring[token & (Capacity - 1)];
        slot = attempt;
        slot.Token = token;
        Count++;
        return token;
    }

    public bool IsOpen(long token) => _ring[token & (Capacity - 1)].Token == token;

    /// <summary>The handshake completed: a connection, not a probe. Always true (nothing more to follow).</summary>
    public bool Complete(long token)
    {
        ref var slot = ref _ring[token & (Capacity - 1)];
        if (slot.Token != token) return true;
        slot.Token = 0;
        Count--;
        return true;
    }

    /// <summary>Refused or torn down half-open: a failed attempt, counted at <paramref name="time"/>. Always true.</summary>
    public bool Fail(long token, Timestamp time, AnomalyEngine engine)
    {
        ref var slot = ref _ring[token & (Capacity - 1)];
        if (slot.Token == token) Judge(ref slot, time, engine);
        return true;
    }

    /// <summary>Judges every attempt older than <see cref="UnansweredNanoseconds"/> at <paramref name="now"/>.</summary>
    public void Expire(Timestamp now, AnomalyEngine engine)
    {
        long t = now.UnixNanoseconds;
        while (_oldest < _next)
        {
            ref var slot = ref _ring[_oldest & (Capacity - 1)];
            if (slot.Token == _oldest && t - slot.Time < UnansweredNanoseconds) return;
            if (slot.Token == _oldest) Judge(ref slot, now, engine);
            _oldest++;
        }
    }

    private void Judge(ref ConnectionAttempt slot, Timestamp time, AnomalyEngine engine)
    {
        if (slot.Token == 0) return;
        slot.Token = 0;
        Count--;
        engine.Probe(slot.Client, slot.Server, slot.Source, slot.Destination, slot.Address, slot.Port, time, slot.Evidence);
    }
}
