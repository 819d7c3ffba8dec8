using System.Buffers;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Iec104;

/// <summary>Per-flow IEC 104 state: framing, resynchronisation and send-sequence tracking per direction.</summary>
/// <remarks>
/// <para>The controlling station opens the TCP connection (<see cref="Direction.ToServer"/>: commands, STARTDT act);
/// the controlled station answers and sends monitor data (<see cref="Direction.ToClient"/>). Each direction numbers its
/// I frames N(S) = 0, 1, 2, … modulo 32768 (104 §5.1); a jump is flagged
/// <see cref="Iec104Anomalies.SendSequenceGap"/> on the APDU. The first I frame seen (a capture may start mid-connection)
/// and the first after a gap set the expectation without a check.</para>
/// <para>Resync: when an APDU does not start with 0x68 or its length is outside 4..253, one stream anomaly is reported
/// and the session skips forward to the next 0x68 where <see cref="Iec104Probe.Probe"/> sees a plausible APDU, or
/// where a malformed APDU is framed exactly (see <see cref="FindStart"/>). Skipping more than <see cref="Iec104Constants.MaxResyncBytes"/> gives up with
/// <see cref="StreamStatus.Error"/>.</para>
/// </remarks>
public sealed class Iec104Session : IStreamSession
{
    private DirectionState _toServer = DirectionState.Initial;
    private DirectionState _toClient = DirectionState.Initial;

    public StreamResult OnData(ReadOnlySpan<byte> data, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ref DirectionState state = ref direction == Direction.ToServer ? ref _toServer : ref _toClient;
        int offset = 0;
        while (offset < data.Length)
        {
            if (state.Resyncing)
            {
                int skip = FindStart(data[offset..], direction, out bool incomplete);
                offset += skip;
                state.Skipped += skip;
                if (state.Skipped > Iec104Constants.MaxResyncBytes)
                {
                    sink.OnStreamAnomaly(ProtocolId.Iec104, Iec104Fields.StreamNotIec104);
                    return StreamResult.Error(offset);
                }
                if (incomplete) return StreamResult.Incomplete(offset, NeededToJudge(data[offset..]));
                if (offset >= data.Length) break;
            }

            var rest = data[offset..];
            var status = Iec104Framer.TryGetFrameLength(rest, out int frameLength);
            if (status == OperationStatus.NeedMoreData) return StreamResult.Incomplete(offset, frameLength);
            if (status == OperationStatus.InvalidData)
            {
                // Reached only in sync (resync positions pass the probe, which checks the same octets): once per episode.
                sink.OnStreamAnomaly(ProtocolId.Iec104, Iec104Framer.HeaderAnomaly(rest));
                state.Resyncing = true;
                state.Skipped = 1;
                offset++;
                continue;
            }

            OnFrame(rest[..frameLength], direction, ref state, sink);
            state.Resyncing = false;
            state.Skipped = 0;
            offset += frameLength;
        }

        return StreamResult.Ok(offset);
    }

    public void OnGap(Direction direction, IProtocolEventSink sink)
    {
        ref DirectionState state = ref direction == Direction.ToServer ? ref _toServer : ref _toClient;
        // The next byte may be mid-APDU and I frames were lost: probe for a start, forget the expected N(S).
        state.Resyncing = true;
        state.Skipped = 0;
        state.ExpectedSend = -1;
    }

    public void Reset()
    {
        _toServer = DirectionState.Initial;
        _toClient = DirectionState.Initial;
    }

    private static void OnFrame(ReadOnlySpan<byte> frame, Direction direction, ref DirectionState state, IProtocolEventSink sink)
    {
        if (!Iec104Parser.TryParse(frame, direction, out var message)) return;
        if (message.ApciType == Iec104ApciType.I)
        {
            int sent = message.SendSequence.GetValueOrDefault();
            bool gap = state.ExpectedSend >= 0 && sent != state.ExpectedSend;
            state.ExpectedSend = (sent + 1) % Iec104Constants.SequenceModulo;
            if (gap)
            {
                var flagged = message.WithAnomalies(Iec104Anomalies.SendSequenceGap);
                sink.OnIec104(in flagged);
                return;
            }
        }
        sink.OnIec104(in message);
    }

    /// <summary>
    /// Offset of the first APDU start after garbage; <paramref name="incomplete"/> when the tail is too short to decide.
    /// A start is either plausible by itself (<see cref="Iec104Probe.Probe"/>), or a malformed APDU (0x68, length 4..253)
    /// that ends exactly where the data ends or where a plausible APDU begins: the framing then vouches for it, and
    /// the parser reports what is wrong with it (tshark decodes such APDUs too, by the same 0x68 + length framing).
    /// </summary>
    private static int FindStart(ReadOnlySpan<byte> data, Direction direction, out bool incomplete)
    {
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] != Iec104Constants.StartByte) continue;
            var candidate = data[i..];
            var result = Iec104Probe.Probe(candidate, direction);
            if (result == ProbeResult.Recognized) { incomplete = false; return i; }
            if (result == ProbeResult.Incomplete) { incomplete = true; return i; }
            if (candidate.Length < Iec104Constants.HeaderLength || !Iec104Framer.IsValidLength(candidate[1])) continue;
            int end = candidate[1] + Iec104Constants.HeaderLength;
            if (end > candidate.Length) { incomplete = true; return i; } // judged once the whole candidate is here
            if (end == candidate.Length || Iec104Probe.Probe(candidate[end..], direction) == ProbeResult.Recognized)
            {
                incomplete = false;
                return i;
            }
        }
        incomplete = false;
        return data.Length;
    }

    /// <summary>Octets a resync candidate needs before it can be judged: the probe's prefix, or the whole APDU it announces.</summary>
    private static int NeededToJudge(ReadOnlySpan<byte> candidate)
    {
        int needed = Iec104Probe.ProbeLength;
        if (candidate.Length >= Iec104Constants.HeaderLength && Iec104Framer.IsValidLength(candidate[1]))
            needed = Math.Max(needed, candidate[1] + Iec104Constants.HeaderLength);
        return needed > candidate.Length ? needed : candidate.Length + 1;
    }

    private struct DirectionState
    {
        public static readonly DirectionState Initial = new() { ExpectedSend = -1 };

        public bool Resyncing;
        public int Skipped;

        /// <summary>N(S) the next I frame should carry; -1 before the first one.</summary>
        public int ExpectedSend;
    }
}
