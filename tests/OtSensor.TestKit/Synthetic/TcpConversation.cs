using OtSensor.Core.Net;
using OtSensor.Core.Time;

namespace OtSensor.TestKit.Synthetic;

/// <summary>One end of a synthetic TCP connection: a MAC, an IPv4 address and a port.</summary>
public readonly record struct TcpEndpoint(MacAddress Mac, uint Address, ushort Port);

/// <summary>
/// A synthetic TCP connection that keeps sequence and acknowledgment numbers right: handshake, data in
/// either direction (acknowledged by the peer), and teardown. Frames are appended to a shared list.
/// </summary>
public sealed class TcpConversation(TcpEndpoint client, TcpEndpoint server, uint clientIsn, uint serverIsn, List<(Timestamp ts, byte[] data)> frames)
{
    private uint _clientNext = clientIsn;
    private uint _serverNext = serverIsn;
    private ushort _ipId = (ushort)(clientIsn >> 16);

    private const byte Fin = 0x01, Syn = 0x02, Psh = 0x08, Ack = 0x10;

    public TcpEndpoint Client { get; } = client;
    public TcpEndpoint Server { get; } = server;

    public void Handshake(Timestamp ts, TimeSpan rtt)
    {
        Emit(ts, fromClient: true, Syn, [], seq: _clientNext, ack: 0);
        _clientNext++;
        Emit(ts.Add(rtt / 2), fromClient: false, Syn | Ack, [], seq: _serverNext, ack: _clientNext);
        _serverNext++;
        Emit(ts.Add(rtt), fromClient: true, Ack, [], seq: _clientNext, ack: _serverNext);
    }

    /// <summary>Sends <paramref name="payload"/> with PSH/ACK.</summary>
    public void Send(Timestamp ts, bool fromClient, ReadOnlySpan<byte> payload)
    {
        if (fromClient)
        {
            Emit(ts, true, Psh | Ack, payload, _clientNext, _serverNext);
            _clientNext += (uint)payload.Length;
        }
        else
        {
            Emit(ts, false, Psh | Ack, payload, _serverNext, _clientNext);
            _serverNext += (uint)payload.Length;
        }
    }

    /// <summary>A bare ACK from one side.</summary>
    public void Acknowledge(Timestamp ts, bool fromClient)
        => Emit(ts, fromClient, Ack, [], fromClient ? _clientNext : _serverNext, fromClient ? _serverNext : _clientNext);

    public void Close(Timestamp ts, TimeSpan rtt)
    {
        Emit(ts, true, Fin | Ack, [], _clientNext, _serverNext);
        _clientNext++;
        Emit(ts.Add(rtt / 2), false, Fin | Ack, [], _serverNext, _clientNext);
        _serverNext++;
        Emit(ts.Add(rtt), true, Ack, [], _clientNext, _serverNext);
    }

    private void Emit(Timestamp ts, bool fromClient, int flags, ReadOnlySpan<byte> payload, uint seq, uint ack)
    {
        var (from, to) = fromClient ? (Client, Server) : (Server, Client);
        frames.Add((ts, FrameBuilder.Tcp(from.Mac, to.Mac, from.Address, to.Address, from.Port, to.Port, seq, ack, (byte)flags, payload, ipId: _ipId++)));
    }
}
