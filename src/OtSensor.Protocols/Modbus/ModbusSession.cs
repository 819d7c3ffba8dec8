using System.Buffers;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Modbus;

/// <summary>Per-flow Modbus/TCP state: framing, resynchronisation and request/response pairing.</summary>
/// <remarks>
/// <para>Requests travel <see cref="Direction.ToServer"/>, responses <see cref="Direction.ToClient"/>. Each
/// request is remembered by (unit id, transaction id) until its response arrives, at most
/// <see cref="MaxOutstandingRequests"/> of them (Suricata's request-flood bound); past the bound the oldest is
/// dropped and <see cref="ModbusFields.StreamRequestFlood"/> is reported once per flow.</para>
/// <para>Resync: when a header is impossible (protocol id ≠ 0, length outside 2..254) or after a gap, the
/// session skips forward one byte at a time to the next offset where <see cref="ModbusProbe"/> recognises an
/// MBAP header (Suricata's probing resync). Skipping after an invalid header reports one stream anomaly per
/// episode; skipping more than <see cref="ModbusConstants.MaxResyncBytes"/> without finding a frame gives up
/// with <see cref="StreamStatus.Error"/>.</para>
/// </remarks>
public sealed class ModbusSession : IStreamSession
{
    private readonly ModbusPendingRequests _pending;
    private DirectionState _toServer;
    private DirectionState _toClient;
    private bool _floodReported;

    public ModbusSession(int maxOutstandingRequests = ModbusConstants.DefaultMaxOutstandingRequests)
    {
        _pending = new ModbusPendingRequests(maxOutstandingRequests);
    }

    public int MaxOutstandingRequests => _pending.Capacity;

    /// <summary>Requests still waiting for a response.</summary>
    public int OutstandingRequests => _pending.Count;

    public StreamResult OnData(ReadOnlySpan<byte> data, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ref DirectionState state = ref direction == Direction.ToServer ? ref _toServer : ref _toClient;
        int offset = 0;
        while (offset < data.Length)
        {
            if (state.Resyncing)
            {
                int skip = FindHeader(data[offset..], direction, out bool incomplete);
                offset += skip;
                state.Skipped += skip;
                if (state.Skipped > ModbusConstants.MaxResyncBytes)
                {
                    sink.OnStreamAnomaly(ProtocolId.Modbus, ModbusFields.StreamNotModbus);
                    return StreamResult.Error(offset);
                }
                if (incomplete) return StreamResult.Incomplete(offset, ModbusConstants.ProbeLength);
                if (offset >= data.Length) break;
            }

            var rest = data[offset..];
            var status = ModbusFramer.TryGetFrameLength(rest, out int frameLength);
            if (status == OperationStatus.NeedMoreData) return StreamResult.Incomplete(offset, frameLength);
            if (status == OperationStatus.InvalidData)
            {
                // Only reachable in sync (resync positions pass the probe, which checks the same fields),
                // so this reports once per resync episode.
                sink.OnStreamAnomaly(ProtocolId.Modbus, ModbusNames.Anomaly(BitOf(ModbusFramer.HeaderAnomaly(rest))));
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
        ref DirectionState state = ref direction == Direction.ToServer ? ref _toServer : ref _toClient;
        // After lost bytes the next offered byte may be mid-ADU: probe for a header. Skipping here is
        // expected after a gap (the engine reports the gap), so no anomaly is raised for it.
        state.Resyncing = true;
        state.Skipped = 0;
    }

    public void Reset()
    {
        _pending.Clear();
        _toServer = default;
        _toClient = default;
        _floodReported = false;
    }

    private void OnFrame(ReadOnlySpan<byte> frame, Direction direction, IProtocolEventSink sink)
    {
        // Frames from the framer are at least MBAP + function code long, so TryParse succeeds.
        uint key = (uint)((frame[6] << 16) | (frame[0] << 8) | frame[1]);
        if (direction == Direction.ToServer)
        {
            if (!ModbusParser.TryParse(frame, direction, out var request)) return;
            if (_pending.Add(key, ContextOf(request)) && !_floodReported)
            {
                _floodReported = true;
                sink.OnStreamAnomaly(ProtocolId.Modbus, ModbusFields.StreamRequestFlood);
            }
            sink.OnModbus(in request);
            return;
        }

        if (_pending.TryTake(key, out var context))
        {
            if (ModbusParser.TryParse(frame, direction, in context, out var response)) sink.OnModbus(in response);
            return;
        }

        if (!ModbusParser.TryParse(frame, direction, out var unsolicited)) return;
        var flagged = unsolicited.WithAnomalies(ModbusAnomalies.UnsolicitedResponse);
        sink.OnModbus(in flagged);
    }

    /// <summary>What a response needs to know of its request (shared with <see cref="ModbusUdpSession"/>).</summary>
    internal static ModbusRequestContext ContextOf(in ModbusMessage request)
    {
        byte subCode = 0;
        bool hasSubCode = false;
        if (request.SubFunction is ushort sub && sub <= byte.MaxValue) { subCode = (byte)sub; hasSubCode = true; }
        else if (request.MeiType is byte mei) { subCode = mei; hasSubCode = true; }
        else if (request.UmasFunction is byte umas) { subCode = umas; hasSubCode = true; }
        return new ModbusRequestContext(request.FunctionRaw, request.Address, request.Quantity, subCode, hasSubCode);
    }

    /// <summary>Offset of the first plausible header; <paramref name="incomplete"/> when the tail is too short to decide.</summary>
    private static int FindHeader(ReadOnlySpan<byte> data, Direction direction, out bool incomplete)
    {
        for (int i = 0; i < data.Length; i++)
        {
            var result = ModbusProbe.Probe(data[i..], direction);
            if (result == ProbeResult.Recognized) { incomplete = false; return i; }
            if (result == ProbeResult.Incomplete) { incomplete = true; return i; }
        }
        incomplete = false;
        return data.Length;
    }

    private static int BitOf(ModbusAnomalies anomaly) => System.Numerics.BitOperations.TrailingZeroCount((ulong)anomaly);

    private struct DirectionState
    {
        public bool Resyncing;
        public int Skipped;
    }
}
