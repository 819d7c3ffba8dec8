using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;

namespace OtSensor.Simulation.Wire;

/// <summary>
/// One simulated TCP connection that keeps sequence and acknowledgment numbers right (RFC 9293 §3.4): handshake,
/// data either way cut into MSS-sized segments, acknowledgments, orderly close or reset. Frames go to the simulator
/// with their own times; callers schedule one exchange at a time, so numbers advance in wire order.
/// </summary>
public sealed class TcpConnection
{
    public const int MaximumSegment = 1460;
    private readonly Simulator _sim;
    private uint _clientNext;
    private uint _serverNext;
    private Timestamp _lastSegment;

    public TcpConnection(Simulator sim, Host client, ushort clientPort, Host server, ushort serverPort, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _sim = sim;
        Client = client;
        ClientPort = clientPort;
        Server = server;
        ServerPort = serverPort;
        _clientNext = (uint)random.NextInt64(0, uint.MaxValue);
        _serverNext = (uint)random.NextInt64(0, uint.MaxValue);
    }

    public Host Client { get; }
    public ushort ClientPort { get; }
    public Host Server { get; }
    public ushort ServerPort { get; }
    public bool IsOpen { get; private set; }

    /// <summary>SYN, SYN-ACK, ACK; returns when the client's ACK leaves.</summary>
    public Timestamp Open(Timestamp at, TimeSpan rtt)
    {
        at = Segment(at, fromClient: true, Frames.Syn, []);
        _clientNext++;
        Segment(at.Add(rtt / 2), fromClient: false, Frames.Syn | Frames.Ack, []);
        _serverNext++;
        var established = Segment(at.Add(rtt), fromClient: true, Frames.Ack, []);
        IsOpen = true;
        return established;
    }

    /// <summary>Sends <paramref name="data"/> from one side in MSS-sized segments, PSH on the last; returns the last segment's time.</summary>
    public Timestamp Send(Timestamp at, bool fromClient, ReadOnlySpan<byte> data)
    {
        var t = at;
        for (int offset = 0; offset < data.Length; offset += MaximumSegment)
        {
            int length = Math.Min(MaximumSegment, data.Length - offset);
            bool last = offset + length == data.Length;
            t = Segment(t, fromClient, (byte)(Frames.Ack | (last ? Frames.Psh : 0)), data.Slice(offset, length));
            if (fromClient) _clientNext += (uint)length; else _serverNext += (uint)length;
            if (!last) t = t.Add(TimeSpan.FromTicks(120)); // 12 µs between back-to-back segments at 100 Mbit/s
        }
        return t;
    }

    /// <summary>A bare ACK.</summary>
    public Timestamp Acknowledge(Timestamp at, bool fromClient) => Segment(at, fromClient, Frames.Ack, []);

    /// <summary>
    /// Request from the client, response from the server after <paramref name="serverDelay"/>, then the client's
    /// delayed ACK; returns the time the exchange is over.
    /// </summary>
    public Timestamp Exchange(Timestamp at, ReadOnlySpan<byte> request, ReadOnlySpan<byte> response, TimeSpan serverDelay, TimeSpan rtt)
    {
        var sent = Send(at, fromClient: true, request);
        var answered = Send(sent.Add(serverDelay), fromClient: false, response);
        return Acknowledge(answered.Add(rtt / 2), fromClient: true);
    }

    /// <summary>Client FIN, server FIN-ACK, client ACK.</summary>
    public Timestamp Close(Timestamp at, TimeSpan rtt)
    {
        at = Segment(at, fromClient: true, Frames.Fin | Frames.Ack, []);
        _clientNext++;
        Segment(at.Add(rtt / 2), fromClient: false, Frames.Fin | Frames.Ack, []);
        _serverNext++;
        var done = Segment(at.Add(rtt), fromClient: true, Frames.Ack, []);
        IsOpen = false;
        return done;
    }

    /// <summary>
    /// A half-open scan probe: SYN, then SYN-ACK and the prober's RST when the port listens, or the target's RST-ACK
    /// when it does not (RFC 9293 §3.10.7.1); returns the last segment's time.
    /// </summary>
    public Timestamp Probe(Timestamp at, bool listening, TimeSpan rtt)
    {
        at = Segment(at, fromClient: true, Frames.Syn, []);
        _clientNext++;
        if (!listening) return Segment(at.Add(rtt / 2), fromClient: false, Frames.Rst | Frames.Ack, []);
        Segment(at.Add(rtt / 2), fromClient: false, Frames.Syn | Frames.Ack, []);
        _serverNext++;
        return Segment(at.Add(rtt), fromClient: true, Frames.Rst, []);
    }

    /// <summary>A reset from one side (the connection is gone).</summary>
    public void Reset(Timestamp at, bool fromClient)
    {
        Segment(at, fromClient, Frames.Rst | Frames.Ack, []);
        IsOpen = false;
    }

    /// <summary>
    /// Emits one segment no earlier than the connection's previous one (two tasks sharing a connection never interleave
    /// their sequence numbers on the wire); returns the time it was sent.
    /// </summary>
    private Timestamp Segment(Timestamp at, bool fromClient, byte flags, ReadOnlySpan<byte> payload)
    {
        if (at <= _lastSegment) at = _lastSegment.Add(TimeSpan.FromMicroseconds(10));
        _lastSegment = at;
        var frame = fromClient
            ? Frames.Tcp(Client, ClientPort, Server, ServerPort, _clientNext, _serverNext, flags, payload)
            : Frames.Tcp(Server, ServerPort, Client, ClientPort, _serverNext, _clientNext, flags, payload);
        _sim.Emit(at, frame);
        return at;
    }
}
