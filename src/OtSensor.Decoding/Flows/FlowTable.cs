using OtSensor.Core.Parsing;
using OtSensor.Core.Time;
using OtSensor.Decoding.Packets;
using OtSensor.Decoding.Reassembly;

namespace OtSensor.Decoding.Flows;

/// <summary>
/// All live flows, keyed by <see cref="FlowKey"/>, bounded, with idle expiry and LRU eviction. Single-threaded:
/// one table per capture worker.
/// </summary>
/// <remarks>
/// <para>Lookup: a direct-mapped cache of 1,024 flows indexed by a symmetric hash of the raw tuple (XOR of both
/// ends, so both directions land in the same slot) and checked against the flow's own key field by field; it
/// answers the interleaved conversations of a polling plant without building a canonical key. On a miss, a
/// <see cref="Dictionary{TKey, TValue}"/> whose key carries a precomputed hash.</para>
/// <para>Every flow sits in exactly one intrusive doubly-linked list, one list per timeout class (TCP new,
/// established, closed; UDP; other), ordered by <see cref="Flow.ListedAt"/>, the time it was appended. A packet moves
/// its flow only when the flow changes class; a packet of the same class only advances <see cref="Flow.LastSeen"/>
/// (relinking on every packet, and its GC write barriers, were a measurable part of the per-packet cost). The lists are
/// put right lazily, at their heads: because all flows of a list share one timeout, the heads are the only expiry
/// candidates, and <see cref="ExpireIdle"/> ends a head idle past its timeout, moves a head used since it was listed to
/// the tail (listed at its last packet), and stops at the first head listed too recently (O(expired + moved); a flow
/// is moved at most once per timeout of its traffic). Eviction settles each head the same way before it picks the
/// oldest of the five, so it ends the least recently used flow exactly (amortised O(1): every move follows a
/// packet).</para>
/// <para>Ended flows are reset and kept on a free list, with their reassembler: after warm-up, creating a flow
/// allocates nothing.</para>
/// </remarks>
public sealed class FlowTable
{
    private const int ClassCount = 5;

    private readonly FlowTableLimits _limits;
    private readonly ReassemblyLimits _reassemblyLimits;
    private readonly IFlowExpiryHandler? _handler;
    private readonly Dictionary<FlowKey, Flow> _flows;
    private readonly Flow?[] _heads = new Flow?[ClassCount];
    private readonly Flow?[] _tails = new Flow?[ClassCount];
    private readonly long[] _timeoutNanoseconds = new long[ClassCount];
    private const int CacheSize = 1024;
    private readonly Flow?[] _cache = new Flow?[CacheSize];
    private Flow? _free;
    private long _nextId = 1;
    private TcpReassemblyStats _endedTcpStats;

    public FlowTable(IFlowExpiryHandler? handler = null)
        : this(FlowTableLimits.Default, ReassemblyLimits.Default, handler)
    {
    }

    public FlowTable(FlowTableLimits limits, ReassemblyLimits reassemblyLimits, IFlowExpiryHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(reassemblyLimits);
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxFlows, 1);
        _limits = limits;
        _reassemblyLimits = reassemblyLimits;
        _handler = handler;
        _flows = new Dictionary<FlowKey, Flow>(Math.Clamp(limits.InitialCapacity, 0, limits.MaxFlows));
        _timeoutNanoseconds[(int)FlowTimeoutClass.TcpNew] = limits.TcpNewTimeout.Ticks * 100;
        _timeoutNanoseconds[(int)FlowTimeoutClass.TcpEstablished] = limits.TcpEstablishedTimeout.Ticks * 100;
        _timeoutNanoseconds[(int)FlowTimeoutClass.TcpClosed] = limits.TcpClosedTimeout.Ticks * 100;
        _timeoutNanoseconds[(int)FlowTimeoutClass.Udp] = limits.UdpTimeout.Ticks * 100;
        _timeoutNanoseconds[(int)FlowTimeoutClass.Other] = limits.OtherTimeout.Ticks * 100;
    }

    /// <summary>Live flows.</summary>
    public int Count => _flows.Count;

    /// <summary>Flows created since construction.</summary>
    public long Created { get; private set; }

    /// <summary>Flows ended by idle timeout.</summary>
    public long Expired { get; private set; }

    /// <summary>Flows evicted because the table was full.</summary>
    public long Evicted { get; private set; }

    /// <summary>Closed TCP flows ended early because a new SYN reused their tuple.</summary>
    public long PortReused { get; private set; }

    /// <summary>Reassembly counters summed over every TCP flow that has ended (live flows not included).</summary>
    public ref readonly TcpReassemblyStats EndedTcpStats => ref _endedTcpStats;

    /// <summary>
    /// Finds or creates the flow of an IP packet and counts the packet on it. Returns null for packets that
    /// cannot be tracked (not IP, or an IP fragment whose transport header was not decoded).
    /// </summary>
    /// <param name="packet">The decoded packet; its timestamp advances the flow's <see cref="Flow.LastSeen"/>.</param>
    /// <param name="direction">The packet's direction relative to the flow's server.</param>
    /// <param name="created">True when this packet started a new flow.</param>
    public Flow? GetOrCreate(in DecodedPacket packet, out Direction direction, out bool created)
    {
        direction = Direction.ToServer;
        created = false;
        if (!packet.IsIP || packet.IsFragment)
            return null;

        // The common case, a live flow found in the cache, keeps no key on the stack: building and zeroing a
        // FlowKey local on every packet showed up as a tenth of the Modbus plant's per-packet time.
        int slot = CacheSlot(packet);
        Flow? flow = _cache[slot];
        if (flow is null || !flow.Matches(packet, _limits.UseVlanInKey, out bool sourceIsFirst) || StartsNewConversation(flow, packet))
            return GetOrCreateSlow(packet, slot, out direction, out created);

        direction = sourceIsFirst == flow.ClientIsFirst ? Direction.ToServer : Direction.ToClient;
        var timeoutClass = flow.OnPacket(direction, packet, created: false);
        MoveToTail(flow, timeoutClass, packet.Timestamp.UnixNanoseconds);
        return flow;
    }

    /// <summary>
    /// True when <paramref name="packet"/> cannot continue <paramref name="flow"/>: the flow is idle past its timeout
    /// but not yet swept by <see cref="ExpireIdle"/> (a reconnect hours later must not inherit the old sequence
    /// numbers and roles), or a fresh SYN arrives on the tuple of a closed TCP connection.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool StartsNewConversation(Flow flow, in DecodedPacket packet)
        => packet.Timestamp.UnixNanoseconds - flow.LastSeen.UnixNanoseconds >= _timeoutNanoseconds[(int)flow.TimeoutClass]
           || (packet.Transport == TransportLayer.Tcp
               && (packet.TcpFlags & (TcpFlags.Syn | TcpFlags.Ack)) == TcpFlags.Syn
               && (flow.TcpState & FlowTcpState.Closed) != 0);

    /// <summary>A cache miss, a stale flow or a new one: the dictionary look-up and flow creation.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private Flow GetOrCreateSlow(in DecodedPacket packet, int slot, out Direction direction, out bool created)
    {
        created = false;
        Flow? flow = _cache[slot];
        bool sourceIsFirst;
        if (flow is null || !flow.Matches(packet, _limits.UseVlanInKey, out sourceIsFirst))
        {
            var key = FlowKey.FromPacket(packet, _limits.UseVlanInKey, out sourceIsFirst);
            _flows.TryGetValue(key, out flow);
        }

        if (flow is not null && packet.Timestamp.UnixNanoseconds - flow.LastSeen.UnixNanoseconds >= _timeoutNanoseconds[(int)flow.TimeoutClass])
        {
            Expired++;
            End(flow, FlowEndReason.IdleTimeout);
            flow = null;
        }

        if (flow is not null
            && packet.Transport == TransportLayer.Tcp
            && (packet.TcpFlags & (TcpFlags.Syn | TcpFlags.Ack)) == TcpFlags.Syn
            && (flow.TcpState & FlowTcpState.Closed) != 0)
        {
            // A fresh connection on the tuple of a closed one: end the old flow instead of mixing sequence spaces.
            PortReused++;
            End(flow, FlowEndReason.TcpPortReuse);
            flow = null;
        }

        if (flow is null)
        {
            flow = Create(FlowKey.FromPacket(packet, _limits.UseVlanInKey, out sourceIsFirst), packet, sourceIsFirst);
            created = true;
        }

        direction = sourceIsFirst == flow.ClientIsFirst ? Direction.ToServer : Direction.ToClient;
        var timeoutClass = flow.OnPacket(direction, packet, created);
        MoveToTail(flow, timeoutClass, packet.Timestamp.UnixNanoseconds);
        // Usually already there: skip the store (and its GC write barrier) then.
        if (!ReferenceEquals(_cache[slot], flow)) _cache[slot] = flow;
        return flow;
    }

    /// <summary>Looks a flow up without creating or counting anything.</summary>
    public Flow? Find(in FlowKey key)
        => _flows.TryGetValue(key, out var flow) ? flow : null;

    /// <summary>
    /// Ends every flow idle for longer than its state's timeout at capture time <paramref name="now"/>. Call it
    /// periodically (e.g. once per second of packet time). Returns how many flows ended.
    /// </summary>
    public int ExpireIdle(Timestamp now)
    {
        int ended = 0;
        for (int c = 0; c < ClassCount; c++)
        {
            long timeout = _timeoutNanoseconds[c];
            while (_heads[c] is { } head && now.UnixNanoseconds - head.ListedAt >= timeout)
            {
                if (now.UnixNanoseconds - head.LastSeen.UnixNanoseconds >= timeout)
                {
                    Expired++;
                    End(head, FlowEndReason.IdleTimeout);
                    ended++;
                }
                else
                {
                    // Used since it was listed, within its timeout: it goes to the tail, listed at its last packet.
                    Unlink(head);
                    Append(head, (FlowTimeoutClass)c, head.LastSeen.UnixNanoseconds);
                }
            }
        }
        return ended;
    }

    /// <summary>Ends all flows (shutdown, end of a capture file), oldest first within each timeout class.</summary>
    public void EndAll()
    {
        for (int c = 0; c < ClassCount; c++)
        {
            while (_heads[c] is { } head)
                End(head, FlowEndReason.Shutdown);
        }
    }

    /// <summary>Cache slot of a packet's tuple, the same in both directions.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int CacheSlot(in DecodedPacket packet)
    {
        bool hasPorts = packet.Transport is TransportLayer.Tcp or TransportLayer.Udp;
        return hasPorts
            ? CacheSlot(packet.SourceIP, packet.DestinationIP, packet.SourcePort, packet.DestinationPort, packet.IPProtocol)
            : CacheSlot(packet.SourceIP, packet.DestinationIP, 0, 0, packet.IPProtocol);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int CacheSlot(Core.Net.IPAddressBytes a, Core.Net.IPAddressBytes b, ushort portA, ushort portB, byte protocol)
    {
        ulong mixed = a.Low ^ b.Low ^ a.High ^ b.High ^ ((ulong)(uint)(portA ^ portB) << 17) ^ protocol;
        return (int)((mixed * 0x9E37_79B9_7F4A_7C15UL) >> 54) & (CacheSize - 1);
    }

    private Flow Create(in FlowKey key, in DecodedPacket packet, bool sourceIsFirst)
    {
        if (_flows.Count >= _limits.MaxFlows)
            EvictLeastRecentlyUsed();

        bool serverFromHandshake = false;
        bool sourceIsClient;
        if (packet.Transport == TransportLayer.Tcp && (packet.TcpFlags & TcpFlags.Syn) != 0)
        {
            // RFC 9293 §3.5: the SYN sender opens the connection; the SYN+ACK sender is the one that accepted it.
            serverFromHandshake = true;
            sourceIsClient = (packet.TcpFlags & TcpFlags.Ack) == 0;
        }
        else
        {
            bool hasPorts = packet.Transport is TransportLayer.Tcp or TransportLayer.Udp;
            sourceIsClient = !(hasPorts && ServerPorts.IsSourceServer(packet.SourcePort, packet.DestinationPort));
        }

        var flow = _free;
        if (flow is not null)
        {
            _free = flow.Next;
            flow.Next = null;
        }
        else
        {
            flow = new Flow(_reassemblyLimits);
        }

        flow.Initialize(_nextId++, key, sourceIsClient == sourceIsFirst, serverFromHandshake, packet.Transport, packet.Timestamp);
        _flows.Add(key, flow);
        Append(flow, FlowTimeoutClass.TcpNew, packet.Timestamp.UnixNanoseconds);
        Created++;
        return flow;
    }

    private void EvictLeastRecentlyUsed()
    {
        Flow? oldest = null;
        for (int c = 0; c < ClassCount; c++)
        {
            // A head used since it was listed goes to the tail first, so the head is the class's least recent flow.
            while (_heads[c] is { } used && used.LastSeen.UnixNanoseconds > used.ListedAt && !ReferenceEquals(used, _tails[c]))
            {
                Unlink(used);
                Append(used, (FlowTimeoutClass)c, used.LastSeen.UnixNanoseconds);
            }
            var head = _heads[c];
            if (head is not null && (oldest is null || head.LastSeen < oldest.LastSeen))
                oldest = head;
        }
        if (oldest is null)
            return;
        Evicted++;
        End(oldest, FlowEndReason.Evicted);
    }

    private void End(Flow flow, FlowEndReason reason)
    {
        Unlink(flow);
        _flows.Remove(flow.Key);
        // Its cache slot still points at it; a pooled flow has Id 0 and never matches, but drop the reference anyway.
        var first = flow.Key.First;
        var second = flow.Key.Second;
        int slot = CacheSlot(first.Address, second.Address, first.Port, second.Port, flow.Key.Protocol);
        if (ReferenceEquals(_cache[slot], flow)) _cache[slot] = null;
        _handler?.OnFlowEnd(flow, reason);
        if (flow.Tcp is { } tcp)
            _endedTcpStats.Add(tcp.Stats);
        flow.Reset();
        flow.Next = _free;
        _free = flow;
    }

    /// <summary>A flow whose timeout class changed goes to the tail of its new list; otherwise nothing moves (see remarks).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void MoveToTail(Flow flow, FlowTimeoutClass timeoutClass, long now)
    {
        if (flow.TimeoutClass != timeoutClass) Relist(flow, timeoutClass, now);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void Relist(Flow flow, FlowTimeoutClass timeoutClass, long now)
    {
        Unlink(flow);
        Append(flow, timeoutClass, now);
    }

    private void Append(Flow flow, FlowTimeoutClass timeoutClass, long listedAt)
    {
        int c = (int)timeoutClass;
        flow.TimeoutClass = timeoutClass;
        flow.ListedAt = listedAt;
        flow.Previous = _tails[c];
        flow.Next = null;
        if (_tails[c] is { } tail)
            tail.Next = flow;
        else
            _heads[c] = flow;
        _tails[c] = flow;
    }

    private void Unlink(Flow flow)
    {
        int c = (int)flow.TimeoutClass;
        if (flow.Previous is { } previous)
            previous.Next = flow.Next;
        else if (_heads[c] == flow)
            _heads[c] = flow.Next;
        if (flow.Next is { } next)
            next.Previous = flow.Previous;
        else if (_tails[c] == flow)
            _tails[c] = flow.Previous;
        flow.Previous = null;
        flow.Next = null;
    }
}
