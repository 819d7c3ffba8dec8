using System.Buffers.Binary;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Melsec;

/// <summary>MC protocol on one flow: frames by data length over TCP, one frame per UDP datagram, responses named from requests.</summary>
/// <remarks>
/// <para>A 3E response carries no command and no serial: it answers the oldest outstanding request (the protocol is
/// strictly request/response per connection). A 4E response names its request by serial number. At most
/// <see cref="MelsecConstants.PendingRequests"/> requests are remembered; past that the oldest is forgotten.</para>
/// <para>An impossible frame start reports <c>resync</c> once and the session skips byte by byte to the next frame
/// start <see cref="MelsecProbe"/> accepts; after <see cref="MelsecConstants.MaxResyncBytes"/> it gives up
/// (<c>not_melsec</c>).</para>
/// </remarks>
public sealed class MelsecSession : IStreamSession, IDatagramSession
{
    private readonly int[] _commands = new int[MelsecConstants.PendingRequests];
    private readonly int[] _serials = new int[MelsecConstants.PendingRequests];
    private int _head;
    private int _count;
    private DirectionState _toServer;
    private DirectionState _toClient;

    public StreamResult OnData(ReadOnlySpan<byte> data, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ref DirectionState state = ref direction == Direction.ToServer ? ref _toServer : ref _toClient;
        int offset = 0;
        while (offset < data.Length)
        {
            if (state.Resyncing)
            {
                int skip = FindFrame(data[offset..], out bool incomplete);
                offset += skip;
                state.Skipped += skip;
                if (state.Skipped > MelsecConstants.MaxResyncBytes)
                {
                    sink.OnStreamAnomaly(ProtocolId.Melsec, "not_melsec");
                    return StreamResult.Error(offset);
                }
                if (incomplete) return StreamResult.Incomplete(offset, MelsecConstants.Header4E + MelsecConstants.MinRequestData);
                if (offset >= data.Length) break;
                state.Resyncing = false;
            }

            var rest = data[offset..];
            var start = MelsecProbe.Recognize(rest, direction);
            if (start == ProbeResult.Incomplete) return StreamResult.Incomplete(offset, MelsecConstants.Header4E + MelsecConstants.MinRequestData);
            if (start == ProbeResult.Unrecognized)
            {
                sink.OnStreamAnomaly(ProtocolId.Melsec, "resync");
                state.Resyncing = true;
                state.Skipped = 1;
                offset++;
                continue;
            }

            int header = MelsecParser.HeaderLength(rest);
            int size = header + BinaryPrimitives.ReadUInt16LittleEndian(rest[(header - 2)..]);
            if (size > rest.Length) return StreamResult.Incomplete(offset, size);
            OnFrame(rest[..size], direction, sink);
            state.Skipped = 0;
            offset += size;
        }
        return StreamResult.Ok(offset);
    }

    public void OnGap(Direction direction, IProtocolEventSink sink)
    {
        ref DirectionState state = ref direction == Direction.ToServer ? ref _toServer : ref _toClient;
        state.Resyncing = true;
        state.Skipped = 0;
        _count = 0; // lost bytes may hold requests or responses: FIFO pairing would be off by one
    }

    public void OnDatagram(ReadOnlySpan<byte> datagram, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (MelsecParser.HeaderLength(datagram) == 0) sink.OnStreamAnomaly(ProtocolId.Melsec, "not_melsec");
        else OnFrame(datagram, direction, sink);
    }

    public void Reset()
    {
        _head = 0;
        _count = 0;
        _toServer = default;
        _toClient = default;
    }

    private void OnFrame(ReadOnlySpan<byte> frame, Direction direction, IProtocolEventSink sink)
    {
        if (!MelsecParser.TryParse(frame, direction, out var message))
        {
            sink.OnStreamAnomaly(ProtocolId.Melsec, "not_melsec");
            return;
        }
        if (!message.IsResponse)
        {
            Remember(message.Function, message.Is4E ? message.Serial : -1);
            sink.OnMelsec(in message);
            return;
        }
        var named = message.WithRequest(Take(message.Is4E ? message.Serial : -1));
        sink.OnMelsec(in named);
    }

    private void Remember(int command, int serial)
    {
        if (_count == _commands.Length)
        {
            _head = (_head + 1) % _commands.Length; // forget the oldest
            _count--;
        }
        int slot = (_head + _count) % _commands.Length;
        _commands[slot] = command;
        _serials[slot] = serial;
        _count++;
    }

    /// <summary>The command of the request a response answers: by serial (4E) or the oldest (3E); -1 when none.</summary>
    private int Take(int serial)
    {
        for (int i = 0; i < _count; i++)
        {
            int slot = (_head + i) % _commands.Length;
            if (serial >= 0 && _serials[slot] != serial) continue;
            int command = _commands[slot];
            // Close the gap: shift the later entries one slot towards the head.
            for (int j = i; j < _count - 1; j++)
                _commands[(_head + j) % _commands.Length] = _commands[(_head + j + 1) % _commands.Length];
            for (int j = i; j < _count - 1; j++)
                _serials[(_head + j) % _serials.Length] = _serials[(_head + j + 1) % _serials.Length];
            _count--;
            return command;
        }
        return -1;
    }

    private static int FindFrame(ReadOnlySpan<byte> data, out bool incomplete)
    {
        for (int i = 0; i < data.Length; i++)
        {
            var result = MelsecProbe.Recognize(data[i..], Direction.ToServer);
            if (result == ProbeResult.Recognized) { incomplete = false; return i; }
            if (result == ProbeResult.Incomplete) { incomplete = true; return i; }
        }
        incomplete = false;
        return data.Length;
    }

    private struct DirectionState
    {
        public bool Resyncing;
        public int Skipped;
    }
}
