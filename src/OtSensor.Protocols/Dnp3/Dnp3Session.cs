using System.Buffers;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Dnp3;

/// <summary>Per-flow DNP3 state over TCP or UDP: link framing, CRC checks, resync, transport reassembly, pairing.</summary>
/// <remarks>
/// <para>Link frames (IEEE 1815-2012 §9) are cut by <see cref="Dnp3LinkFramer"/>; a bad header CRC, wrong start
/// octets or a LENGTH below 5 report one stream anomaly and start a resync that skips byte by byte to the next
/// header the probe accepts (after <see cref="OnGap"/> the resync is silent). Skipping more than
/// <see cref="Dnp3Constants.MaxResyncBytes"/> gives up with <see cref="StreamStatus.Error"/>. A bad user data
/// block CRC keeps the data and flags the fragment with <see cref="Dnp3Anomalies.DataCrcError"/>.</para>
/// <para>Primary user data frames feed one <see cref="Dnp3TransportReassembler"/> per direction (§8); each
/// completed fragment is parsed by <see cref="Dnp3Parser"/> and emitted once. Frames without user data
/// (link resets, link status, ACKs) produce no record: the event log has one record per application fragment.</para>
/// <para>Requests are remembered by (master, outstation, application sequence), at most
/// <see cref="Dnp3Constants.MaxOutstandingRequests"/> (Suricata's 32 transactions), so that a solicited
/// response names the function it answers.</para>
/// <para>The same class serves TCP (<see cref="IStreamSession"/>) and UDP (<see cref="IDatagramSession"/>,
/// where a datagram holds whole link frames and a fragment may span datagrams).</para>
/// </remarks>
public sealed class Dnp3Session : IStreamSession, IDatagramSession
{
    private readonly Dnp3TransportReassembler _toServer;
    private readonly Dnp3TransportReassembler _toClient;
    private readonly PendingRequest[] _pending = new PendingRequest[Dnp3Constants.MaxOutstandingRequests];
    private int _pendingNext;
    private bool _floodReported;
    private ResyncState _resyncToServer;
    private ResyncState _resyncToClient;

    public Dnp3Session(int maxFragmentLength = Dnp3Constants.DefaultMaxFragmentLength)
    {
        _toServer = new Dnp3TransportReassembler(maxFragmentLength);
        _toClient = new Dnp3TransportReassembler(maxFragmentLength);
    }

    public int MaxFragmentLength => _toServer.MaxFragmentLength;

    public StreamResult OnData(ReadOnlySpan<byte> data, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ref ResyncState state = ref direction == Direction.ToServer ? ref _resyncToServer : ref _resyncToClient;
        int offset = 0;
        while (offset < data.Length)
        {
            if (state.Resyncing)
            {
                int skip = FindHeader(data[offset..], out bool incomplete);
                offset += skip;
                state.Skipped += skip;
                if (state.Skipped > Dnp3Constants.MaxResyncBytes)
                {
                    sink.OnStreamAnomaly(ProtocolId.Dnp3, Dnp3Fields.StreamNotDnp3);
                    return StreamResult.Error(offset);
                }
                if (incomplete) return StreamResult.Incomplete(offset, Dnp3Constants.ProbeLength);
                if (offset >= data.Length) break;
            }

            var rest = data[offset..];
            var status = Dnp3LinkFramer.TryGetFrameLength(rest, out int frameLength);
            if (status == OperationStatus.NeedMoreData) return StreamResult.Incomplete(offset, frameLength);
            if (status == OperationStatus.InvalidData)
            {
                sink.OnStreamAnomaly(ProtocolId.Dnp3, Dnp3LinkFramer.HeaderAnomaly(rest));
                state.Resyncing = true;
                state.Skipped = 1;
                offset++;
                continue;
            }

            OnFrame(rest[..frameLength], direction, sink);
            state.Resyncing = false;
            state.Skipped = 0;
            offset += frameLength;
        }

        return StreamResult.Ok(offset);
    }

    public void OnGap(Direction direction, IProtocolEventSink sink)
    {
        ref ResyncState state = ref direction == Direction.ToServer ? ref _resyncToServer : ref _resyncToClient;
        state.Resyncing = true;
        state.Skipped = 0;
        (direction == Direction.ToServer ? _toServer : _toClient).Discard();
    }

    /// <summary>One UDP datagram: whole link frames back to back; garbage between them is skipped and reported.</summary>
    public void OnDatagram(ReadOnlySpan<byte> datagram, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        int offset = 0;
        while (offset < datagram.Length)
        {
            var rest = datagram[offset..];
            var status = Dnp3LinkFramer.TryGetFrameLength(rest, out int frameLength);
            if (status == OperationStatus.Done)
            {
                OnFrame(rest[..frameLength], direction, sink);
                offset += frameLength;
                continue;
            }
            if (status == OperationStatus.NeedMoreData)
            {
                sink.OnStreamAnomaly(ProtocolId.Dnp3, Dnp3Fields.StreamTruncatedFrame);
                return;
            }
            sink.OnStreamAnomaly(ProtocolId.Dnp3, Dnp3LinkFramer.HeaderAnomaly(rest));
            int skip = FindHeader(rest[1..], out _);
            offset += 1 + skip;
        }
    }

    public void Reset()
    {
        _toServer.Reset();
        _toClient.Reset();
        Array.Clear(_pending);
        _pendingNext = 0;
        _floodReported = false;
        _resyncToServer = default;
        _resyncToClient = default;
    }

    private void OnFrame(ReadOnlySpan<byte> frame, Direction direction, IProtocolEventSink sink)
    {
        var link = Dnp3LinkHeader.Read(frame);
        if (!link.IsUserData) return; // link service frames carry no application data
        Span<byte> user = stackalloc byte[Dnp3Constants.MaxUserData];
        int length = Dnp3LinkFramer.CopyUserData(frame, user, out bool crcError);
        if (length == 0)
        {
            sink.OnStreamAnomaly(ProtocolId.Dnp3, Dnp3Fields.StreamEmptyUserData);
            return;
        }

        var reassembler = direction == Direction.ToServer ? _toServer : _toClient;
        bool complete = reassembler.Add(link, user[0], user[1..length], crcError, out string? problem);
        if (problem is not null) sink.OnStreamAnomaly(ProtocolId.Dnp3, problem);
        if (!complete) return;

        var first = reassembler.FirstLink;
        Dnp3Parser.Parse(reassembler.Fragment, in first, reassembler.Frames, reassembler.CrcError, out var message);
        if (message.Function < 0)
        {
            sink.OnDnp3(in message);
            return;
        }

        if (first.FromMaster)
        {
            if (message.Function != (int)Dnp3FunctionCode.Confirm) Remember(first.Source, first.Destination, message.ApplicationSequence, (byte)message.Function, sink);
            sink.OnDnp3(in message);
            return;
        }

        if (message.Function == (int)Dnp3FunctionCode.Response && TryTake(first.Destination, first.Source, message.ApplicationSequence, out byte request))
        {
            var paired = message.WithRequest(request);
            sink.OnDnp3(in paired);
            return;
        }
        sink.OnDnp3(in message);
    }

    private void Remember(ushort master, ushort outstation, byte sequence, byte function, IProtocolEventSink sink)
    {
        ref var slot = ref _pending[_pendingNext];
        if (slot.InUse && !_floodReported)
        {
            _floodReported = true;
            sink.OnStreamAnomaly(ProtocolId.Dnp3, Dnp3Fields.StreamTooManyTransactions);
        }
        slot = new PendingRequest(true, master, outstation, sequence, function);
        _pendingNext = (_pendingNext + 1) % _pending.Length;
    }

    private bool TryTake(ushort master, ushort outstation, byte sequence, out byte function)
    {
        // Newest first: a master that repeats a sequence number means the latest request.
        for (int i = 1; i <= _pending.Length; i++)
        {
            ref var slot = ref _pending[(_pendingNext - i + _pending.Length) % _pending.Length];
            if (slot.InUse && slot.Master == master && slot.Outstation == outstation && slot.Sequence == sequence)
            {
                function = slot.Function;
                slot = default;
                return true;
            }
        }
        function = 0;
        return false;
    }

    /// <summary>Offset of the first acceptable link header; <paramref name="incomplete"/> when the tail is too short to decide.</summary>
    private static int FindHeader(ReadOnlySpan<byte> data, out bool incomplete)
    {
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] != Dnp3Constants.Start1) continue;
            var result = Dnp3Probe.Recognize(data[i..], Direction.ToServer);
            if (result == ProbeResult.Recognized) { incomplete = false; return i; }
            if (result == ProbeResult.Incomplete) { incomplete = true; return i; }
        }
        incomplete = false;
        return data.Length;
    }

    private readonly record struct PendingRequest(bool InUse, ushort Master, ushort Outstation, byte Sequence, byte Function);

    private struct ResyncState
    {
        public bool Resyncing;
        public int Skipped;
    }
}
