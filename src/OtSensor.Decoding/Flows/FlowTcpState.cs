namespace OtSensor.Decoding.Flows;

/// <summary>Summary of the TCP handshake and teardown seen on a flow (not a full RFC 9293 §3.3.2 state machine).</summary>
[Flags]
public enum FlowTcpState : ushort
{
    None = 0,
    /// <summary>A SYN without ACK (connection request) was seen.</summary>
    SynSeen = 1 << 0,
    /// <summary>A SYN+ACK (connection accepted) was seen.</summary>
    SynAckSeen = 1 << 1,
    /// <summary>The handshake completed, or the flow was picked up mid-stream.</summary>
    Established = 1 << 2,
    /// <summary>The client sent a FIN.</summary>
    FinFromClient = 1 << 3,
    /// <summary>The server sent a FIN.</summary>
    FinFromServer = 1 << 4,
    /// <summary>An RST was seen in either direction.</summary>
    RstSeen = 1 << 5,
    /// <summary>Both FINs or an RST: the connection is over; the short closed timeout applies.</summary>
    Closed = 1 << 6,
    /// <summary>The first packet seen was not a SYN or SYN+ACK: client/server were inferred from ports.</summary>
    MidStream = 1 << 7,
}
