using System.Buffers.Binary;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Cip;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Enip;

/// <summary>
/// Per-flow EtherNet/IP state: framing of encapsulation packets on TCP 44818, whole packets in UDP 44818 datagrams,
/// or class-1 I/O datagrams on UDP 2222; hands each packet to the sink, then the CIP messages it carries.
/// </summary>
/// <remarks>
/// <para>Framing (Vol. 2 §2-3.1): a 24-octet header whose length field gives the data that follows. In sync, any
/// command is framed (an unknown one is a message anomaly, as tshark decodes it too); only a length above
/// <see cref="EnipConstants.MaxLength"/> breaks sync, reports <see cref="EnipFields.StreamInvalidHeader"/> once per
/// episode and makes the session skip ahead to the next plausible header (known command other than NOP, zero options,
/// known status: <see cref="EnipProbe.IsPlausibleHeader"/>); after a gap it does so silently. More than
/// <see cref="EnipConstants.MaxResyncBytes"/> skipped gives up with <see cref="EnipFields.StreamNotEnip"/>.</para>
/// <para>CIP: the unconnected data item of SendRRData and the connected data item of SendUnitData (after its
/// 16-bit sequence count) are handed to <see cref="CipParser.Emit"/>.</para>
/// </remarks>
public sealed class EnipSession : IStreamSession, IDatagramSession
{
    /// <summary>CIP requests remembered to name their replies (a small ring: replies follow requests closely).</summary>
    private const int PendingSlots = 16;

    private readonly bool _io;
    private readonly ulong[] _pendingKeys = new ulong[PendingSlots];
    private readonly CipRequestSummary[] _pending = new CipRequestSummary[PendingSlots];
    private int _nextSlot;
    private DirectionState _toServer;
    private DirectionState _toClient;

    /// <param name="io">True for class-1 implicit I/O datagrams (UDP 2222) instead of encapsulation packets.</param>
    public EnipSession(bool io = false)
    {
        _io = io;
    }

    public StreamResult OnData(ReadOnlySpan<byte> data, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ref DirectionState state = ref direction == Direction.ToServer ? ref _toServer : ref _toClient;
        int offset = 0;
        while (offset < data.Length)
        {
            var rest = data[offset..];
            if (rest.Length < EnipConstants.HeaderLength) return StreamResult.Incomplete(offset, EnipConstants.HeaderLength);
            bool acceptable = state.Resyncing
                ? EnipProbe.IsPlausibleHeader(rest) && BinaryPrimitives.ReadUInt16LittleEndian(rest) != EnipConstants.Nop
                : BinaryPrimitives.ReadUInt16LittleEndian(rest[2..]) <= EnipConstants.MaxLength;
            if (!acceptable)
            {
                if (!state.Resyncing)
                {
                    sink.OnStreamAnomaly(ProtocolId.Enip, EnipFields.StreamInvalidHeader);
                    state.Resyncing = true;
                }
                offset++;
                state.Skipped++;
                if (state.Skipped > EnipConstants.MaxResyncBytes)
                {
                    sink.OnStreamAnomaly(ProtocolId.Enip, EnipFields.StreamNotEnip);
                    return StreamResult.Error(offset);
                }
                continue;
            }

            int frameLength = EnipConstants.HeaderLength + BinaryPrimitives.ReadUInt16LittleEndian(rest[2..]);
            if (rest.Length < frameLength) return StreamResult.Incomplete(offset, frameLength);
            OnPacket(rest[..frameLength], direction, sink);
            state = default;
            offset += frameLength;
        }

        return StreamResult.Ok(offset);
    }

    public void OnGap(Direction direction, IProtocolEventSink sink)
    {
        ref DirectionState state = ref direction == Direction.ToServer ? ref _toServer : ref _toClient;
        // Mid-packet bytes after a gap are expected (the engine reports the gap), so no anomaly for skipping them.
        state.Resyncing = true;
        state.Skipped = 0;
    }

    public void OnDatagram(ReadOnlySpan<byte> datagram, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (_io)
        {
            EnipParser.ParseIo(datagram, direction, out var io);
            sink.OnEnip(in io);
            return;
        }

        // Usually one packet per datagram; several are framed in turn, a short tail is one packet with an anomaly.
        while (datagram.Length >= EnipConstants.HeaderLength)
        {
            int frameLength = Math.Min(datagram.Length, EnipConstants.HeaderLength + BinaryPrimitives.ReadUInt16LittleEndian(datagram[2..]));
            OnPacket(datagram[..frameLength], direction, sink);
            datagram = datagram[frameLength..];
        }
    }

    public void Reset()
    {
        Array.Clear(_pending);
        Array.Clear(_pendingKeys);
        _nextSlot = 0;
        _toServer = default;
        _toClient = default;
    }

    /// <summary>
    /// Emits the packet, then its CIP message. A reply's class comes from its request: SendRRData pairs by sender
    /// context (echoed by the target, Vol. 2 §2-3.1), SendUnitData by the CIP sequence count (echoed, Vol. 2 §3-2.2;
    /// the two directions use different connection ids).
    /// </summary>
    private void OnPacket(ReadOnlySpan<byte> frame, Direction direction, IProtocolEventSink sink)
    {
        EnipParser.Parse(frame, direction, out var message);
        sink.OnEnip(in message);
        if (!message.CarriesCip) return;
        bool connected = message.IsConnectedData;
        ulong key = connected ? (1UL << 63) | message.CipSequence : message.SenderContext;
        var cip = message.CipData;
        uint connectionId = connected ? message.ConnectionId ?? 0 : 0;
        if ((cip[0] & CipConstants.ResponseBit) != 0)
        {
            CipParser.Emit(cip, connected, connectionId, message.CipSequence, sink, TakeReplyClass(key, cip[0]));
            return;
        }

        var summary = CipParser.Emit(cip, connected, connectionId, message.CipSequence, sink);
        if (summary.Service == 0) return;
        _pendingKeys[_nextSlot] = key;
        _pending[_nextSlot] = summary;
        _nextSlot = (_nextSlot + 1) % PendingSlots;
    }

    private int TakeReplyClass(ulong key, byte replyService)
    {
        // Newest first: a reused key (sender context left constant by a client) matches its latest request.
        for (int n = 1; n <= PendingSlots; n++)
        {
            int i = (_nextSlot - n + PendingSlots) % PendingSlots;
            if (_pending[i].Service == 0 || _pendingKeys[i] != key) continue;
            int classId = _pending[i].ClassFor(replyService);
            if (classId < 0) continue;
            _pending[i] = default;
            return classId;
        }
        return -1;
    }

    private struct DirectionState
    {
        public bool Resyncing;
        public int Skipped;
    }
}
