using System.Buffers.Binary;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.C37118;

/// <summary>Synchrophasor frames on one flow: framed by FRAMESIZE over TCP, whole frames in each UDP datagram.</summary>
/// <remarks>
/// <para>In sync, every frame is decoded and a bad CHK is a per-frame anomaly. A header that cannot start a frame
/// (no SYNC, reserved type, FRAMESIZE below 16) reports <see cref="C37118Fields.StreamResync"/> once and the session
/// skips to the next offset holding a whole frame with a correct CHK (after a gap, silently). Skipping more than
/// <see cref="C37118Constants.MaxResyncBytes"/> gives up. No state is kept between frames: data frames are not
/// split into phasors, so the configuration is not needed.</para>
/// </remarks>
public sealed class C37118Session : IStreamSession, IDatagramSession
{
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
                int skip = FindFrame(data[offset..], out int needed);
                offset += skip;
                state.Skipped += skip;
                if (state.Skipped > C37118Constants.MaxResyncBytes)
                {
                    sink.OnStreamAnomaly(ProtocolId.C37118, C37118Fields.StreamNotC37118);
                    return StreamResult.Error(offset);
                }
                if (needed > 0) return StreamResult.Incomplete(offset, needed);
                if (offset >= data.Length) break;
                state.Resyncing = false;
            }

            var rest = data[offset..];
            var header = C37118Probe.ProbeHeader(rest);
            if (header == ProbeResult.Incomplete) return StreamResult.Incomplete(offset, 4);
            if (header == ProbeResult.Unrecognized)
            {
                sink.OnStreamAnomaly(ProtocolId.C37118, C37118Fields.StreamResync);
                state.Resyncing = true;
                state.Skipped = 1;
                offset++;
                continue;
            }

            int size = BinaryPrimitives.ReadUInt16BigEndian(rest[2..]);
            if (size > rest.Length) return StreamResult.Incomplete(offset, size);
            if (C37118Parser.TryParse(rest[..size], out var message)) sink.OnC37118(in message);
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
    }

    /// <summary>Each frame in the datagram is decoded; a FRAMESIZE past the datagram's end is flagged on the last one.</summary>
    public void OnDatagram(ReadOnlySpan<byte> datagram, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        int offset = 0;
        while (offset < datagram.Length)
        {
            var rest = datagram[offset..];
            if (C37118Probe.ProbeHeader(rest) != ProbeResult.Recognized)
            {
                sink.OnStreamAnomaly(ProtocolId.C37118, C37118Fields.StreamNotC37118);
                return;
            }
            int size = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(rest[2..]), rest.Length);
            if (C37118Parser.TryParse(rest[..size], out var message)) sink.OnC37118(in message);
            else sink.OnStreamAnomaly(ProtocolId.C37118, C37118Fields.StreamNotC37118);
            offset += Math.Max(size, 1);
        }
    }

    public void Reset()
    {
        _toServer = default;
        _toClient = default;
    }

    /// <summary>Offset of the first whole frame with a correct CHK; <paramref name="needed"/> &gt; 0 when a candidate awaits more bytes.</summary>
    private static int FindFrame(ReadOnlySpan<byte> data, out int needed)
    {
        for (int i = 0; i < data.Length; i++)
        {
            var rest = data[i..];
            var result = C37118Probe.Recognize(rest, Direction.ToServer);
            if (result == ProbeResult.Recognized) { needed = 0; return i; }
            if (result == ProbeResult.Incomplete)
            {
                needed = rest.Length < 4 ? 4 : BinaryPrimitives.ReadUInt16BigEndian(rest[2..]);
                return i;
            }
        }
        needed = 0;
        return data.Length;
    }

    private struct DirectionState
    {
        public bool Resyncing;
        public int Skipped;
    }
}
