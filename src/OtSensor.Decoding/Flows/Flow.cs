using OtSensor.Core.Parsing;
using OtSensor.Core.Time;
using OtSensor.Decoding.Packets;
using OtSensor.Decoding.Reassembly;

namespace OtSensor.Decoding.Flows;

/// <summary>
/// One conversation (TCP connection, UDP pair, other IP protocol) tracked by <see cref="FlowTable"/>.
/// Instances are pooled by the table and recycled with <see cref="Reset"/>: never hold a reference after
/// <see cref="IFlowExpiryHandler.OnFlowEnd"/>.
/// </summary>
/// <remarks>
/// The client is the sender of a SYN without ACK, or the receiver of a SYN+ACK; without a handshake the server is
/// chosen by <see cref="ServerPorts.IsSourceServer"/>. Directions are relative to the server
/// (<see cref="Direction.ToServer"/> = sent by the client).
/// </remarks>
public sealed class Flow
{
    private readonly ReassemblyLimits _reassemblyLimits;
    private TcpReassembler? _tcp;
    private long _packetsToServer;
    private long _packetsToClient;
    private long _bytesToServer;
    private long _bytesToClient;
    private long _payloadToServer;
    private long _payloadToClient;

    // Intrusive LRU list of the table (one list per timeout class): O(1) touch, expiry and eviction.
    internal Flow? Previous;
    internal Flow? Next;
    /// <summary>Capture time (ns) at which the flow was last moved to the tail of its table list.</summary>
    internal long ListedAt;
    internal FlowTimeoutClass TimeoutClass;

    internal Flow(ReassemblyLimits reassemblyLimits)
    {
        _reassemblyLimits = reassemblyLimits;
    }

    /// <summary>Monotonic id given by the table (1, 2, 3, ...), never reused.</summary>
    public long Id { get; private set; }

    private FlowKey _key;

    /// <summary>Canonical key (same for both directions).</summary>
    public FlowKey Key => _key;

    /// <summary>True when the client is <see cref="FlowKey.First"/> of <see cref="Key"/>.</summary>
    public bool ClientIsFirst { get; private set; }

    /// <summary>True when client and server were taken from a SYN or SYN+ACK, false when inferred from ports.</summary>
    public bool ServerFromHandshake { get; private set; }

    public FlowEndpoint Client => ClientIsFirst ? _key.First : _key.Second;

    public FlowEndpoint Server => ClientIsFirst ? _key.Second : _key.First;

    public TransportLayer Transport { get; private set; }

    /// <summary>IPv4 protocol / IPv6 next header.</summary>
    public byte IPProtocol => _key.Protocol;

    public Timestamp FirstSeen { get; private set; }

    public Timestamp LastSeen { get; private set; }

    public FlowTcpState TcpState { get; private set; }

    /// <summary>The flow's reassembler when <see cref="Transport"/> is TCP, else null. Recycled with the flow.</summary>
    public TcpReassembler? Tcp => Transport == TransportLayer.Tcp ? _tcp : null;

    /// <summary>The engine's per-flow application state (protocol session). Cleared by <see cref="Reset"/>.</summary>
    public object? Application { get; set; }

    /// <summary>Packets seen in <paramref name="direction"/>.</summary>
    public long GetPackets(Direction direction) => direction == Direction.ToServer ? _packetsToServer : _packetsToClient;

    /// <summary>Frame bytes (link layer included) seen in <paramref name="direction"/>.</summary>
    public long GetBytes(Direction direction) => direction == Direction.ToServer ? _bytesToServer : _bytesToClient;

    /// <summary>Transport payload bytes (TCP/UDP data, retransmissions included) seen in <paramref name="direction"/>.</summary>
    public long GetPayloadBytes(Direction direction) => direction == Direction.ToServer ? _payloadToServer : _payloadToClient;

    /// <summary>Clears everything for reuse; the reassembler is reset (its pooled buffers returned) and kept.</summary>
    public void Reset()
    {
        _tcp?.Reset();
        Id = 0;
        _key = default;
        ClientIsFirst = false;
        ServerFromHandshake = false;
        Transport = TransportLayer.None;
        FirstSeen = default;
        LastSeen = default;
        TcpState = FlowTcpState.None;
        Application = null;
        _packetsToServer = _packetsToClient = 0;
        _bytesToServer = _bytesToClient = 0;
        _payloadToServer = _payloadToClient = 0;
        Previous = Next = null;
        TimeoutClass = FlowTimeoutClass.TcpNew;
    }

    internal void Initialize(long id, in FlowKey key, bool clientIsFirst, bool serverFromHandshake, TransportLayer transport, Timestamp firstSeen)
    {
        Id = id;
        _key = key;
        ClientIsFirst = clientIsFirst;
        ServerFromHandshake = serverFromHandshake;
        Transport = transport;
        FirstSeen = firstSeen;
        LastSeen = firstSeen;
        if (transport == TransportLayer.Tcp)
            _tcp ??= new TcpReassembler(_reassemblyLimits);
    }

    /// <summary>
    /// Whether <paramref name="packet"/> belongs to this live flow, compared field by field with its key the way
    /// <see cref="FlowKey.FromPacket"/> would build it, in either direction.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal bool Matches(in DecodedPacket packet, bool useVlan, out bool sourceIsFirst)
    {
        sourceIsFirst = false;
        ref readonly var key = ref _key;
        if (Id == 0 || packet.IPProtocol != key.Protocol) return false;
        bool hasPorts = packet.Transport is TransportLayer.Tcp or TransportLayer.Udp;
        ushort sourcePort = hasPorts ? packet.SourcePort : (ushort)0, destinationPort = hasPorts ? packet.DestinationPort : (ushort)0;
        ushort vlan = useVlan && packet.VlanCount > 0 ? (ushort)(packet.VlanTags[0] & 0x0FFF) : (ushort)0;
        if (vlan != key.VlanId) return false;
        if (key.IsFirst(packet.SourceIP, sourcePort) && key.IsSecond(packet.DestinationIP, destinationPort))
        {
            sourceIsFirst = true;
            return true;
        }
        return key.IsSecond(packet.SourceIP, sourcePort) && key.IsFirst(packet.DestinationIP, destinationPort);
    }

    /// <summary>Counts one packet and advances the TCP summary; returns the timeout class the flow now belongs to.</summary>
    internal FlowTimeoutClass OnPacket(Direction direction, in DecodedPacket packet, bool created)
    {
        if (packet.Timestamp > LastSeen)
            LastSeen = packet.Timestamp;
        if (direction == Direction.ToServer)
        {
            _packetsToServer++;
            _bytesToServer += packet.FrameLength;
            _payloadToServer += packet.PayloadLength;
        }
        else
        {
            _packetsToClient++;
            _bytesToClient += packet.FrameLength;
            _payloadToClient += packet.PayloadLength;
        }

        switch (Transport)
        {
            case TransportLayer.Tcp:
                UpdateTcpState(direction, packet.TcpFlags, created);
                if ((TcpState & FlowTcpState.Closed) != 0) return FlowTimeoutClass.TcpClosed;
                return (TcpState & FlowTcpState.Established) != 0 ? FlowTimeoutClass.TcpEstablished : FlowTimeoutClass.TcpNew;
            case TransportLayer.Udp:
                return FlowTimeoutClass.Udp;
            default:
                return FlowTimeoutClass.Other;
        }
    }

    private void UpdateTcpState(Direction direction, TcpFlags flags, bool created)
    {
        var state = TcpState;
        if ((flags & TcpFlags.Syn) != 0)
        {
            state |= (flags & TcpFlags.Ack) != 0 ? FlowTcpState.SynAckSeen : FlowTcpState.SynSeen;
        }
        else
        {
            if (created)
                state |= FlowTcpState.MidStream | FlowTcpState.Established;
            else if ((flags & TcpFlags.Ack) != 0 && direction == Direction.ToServer && (state & FlowTcpState.SynAckSeen) != 0)
                state |= FlowTcpState.Established;
        }
        if ((flags & TcpFlags.Fin) != 0)
            state |= direction == Direction.ToServer ? FlowTcpState.FinFromClient : FlowTcpState.FinFromServer;
        if ((flags & TcpFlags.Rst) != 0)
            state |= FlowTcpState.RstSeen | FlowTcpState.Closed;
        if ((state & (FlowTcpState.FinFromClient | FlowTcpState.FinFromServer)) == (FlowTcpState.FinFromClient | FlowTcpState.FinFromServer))
            state |= FlowTcpState.Closed;
        TcpState = state;
    }
}
