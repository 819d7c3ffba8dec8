using OtSensor.Core.Parsing;
using OtSensor.Protocols.Registry;

namespace OtSensor.Benchmarks.Protocols.Shared;

/// <summary>
/// Feeds a <see cref="CaptureConversation"/> to a protocol session payload by payload, as the engine does after
/// TCP reassembly: bytes a stream session leaves unconsumed are kept per direction and offered again, joined to
/// the next payload of that direction. One <see cref="Round"/> resets the session first, so every round decodes
/// the same conversation from the same state (connection set-up included) and the figures are per PDU of a
/// real exchange.
/// </summary>
/// <remarks>The carry buffers are sized once for the longest direction: a round allocates nothing itself.</remarks>
internal sealed class ConversationReplay
{
    private readonly CaptureConversation _conversation;
    private readonly IStreamSession? _stream;
    private readonly IDatagramSession? _datagram;
    private readonly byte[] _carryToServer;
    private readonly byte[] _carryToClient;
    private int _carryToServerLength;
    private int _carryToClientLength;

    public ConversationReplay(CaptureConversation conversation, IStreamSession stream)
    {
        _conversation = conversation;
        _stream = stream;
        _carryToServer = new byte[conversation.LongestDirection];
        _carryToClient = new byte[conversation.LongestDirection];
    }

    public ConversationReplay(CaptureConversation conversation, IDatagramSession datagram)
    {
        _conversation = conversation;
        _datagram = datagram;
        _carryToServer = [];
        _carryToClient = [];
    }

    public MessageCountingSink Sink { get; } = new();

    /// <summary>Bytes left unconsumed at the end of the last round (0 when every PDU was whole).</summary>
    public int Leftover => _carryToServerLength + _carryToClientLength;

    /// <summary>Resets the session and replays the whole conversation once; returns the messages emitted.</summary>
    public long Round()
    {
        long before = Sink.Messages;
        _carryToServerLength = 0;
        _carryToClientLength = 0;
        var data = _conversation.Data.AsSpan();
        var segments = _conversation.Segments;
        var directions = _conversation.Directions;
        if (_datagram is not null)
        {
            _datagram.Reset();
            for (int i = 0; i < segments.Length; i++)
                _datagram.OnDatagram(data[segments[i]], directions[i], Sink);
            return Sink.Messages - before;
        }

        _stream!.Reset();
        for (int i = 0; i < segments.Length; i++)
        {
            var direction = directions[i];
            if (direction == Direction.ToServer)
                Deliver(data[segments[i]], direction, _carryToServer, ref _carryToServerLength);
            else
                Deliver(data[segments[i]], direction, _carryToClient, ref _carryToClientLength);
        }
        return Sink.Messages - before;
    }

    private void Deliver(ReadOnlySpan<byte> payload, Direction direction, byte[] carry, ref int carryLength)
    {
        ReadOnlySpan<byte> offered;
        if (carryLength == 0)
        {
            offered = payload;
        }
        else
        {
            payload.CopyTo(carry.AsSpan(carryLength));
            carryLength += payload.Length;
            offered = carry.AsSpan(0, carryLength);
        }
        int consumed = Math.Clamp(_stream!.OnData(offered, direction, Sink).Consumed, 0, offered.Length);
        var rest = offered[consumed..];
        // Overlapping copy towards the start when the rest already lives in the carry buffer: CopyTo handles it.
        rest.CopyTo(carry);
        carryLength = rest.Length;
    }
}
