using System.Buffers.Binary;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.HartIp;

/// <summary>HART-IP on one flow: messages framed by their byte count over TCP, one message per datagram over UDP.</summary>
/// <remarks>
/// <para>HCF_SPEC-85: the header's byte count covers the whole message, so TCP framing needs no other state. An
/// impossible header (version, type, id or byte count) reports <see cref="HartIpFields.StreamInvalidHeader"/> once
/// and skips byte by byte to the next plausible header; skipping more than
/// <see cref="HartIpConstants.MaxResyncBytes"/> gives up (<see cref="HartIpFields.StreamNotHartIp"/>). After a gap
/// the same resync runs silently. Messages are not paired: every response carries its own command number.</para>
/// </remarks>
public sealed class HartIpSession : IStreamSession, IDatagramSession
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
            var rest = data[offset..];
            if (state.Resyncing)
            {
                int skip = FindHeader(rest, out bool incomplete);
                offset += skip;
                state.Skipped += skip;
                if (state.Skipped > HartIpConstants.MaxResyncBytes)
                {
                    sink.OnStreamAnomaly(ProtocolId.HartIp, HartIpFields.StreamNotHartIp);
                    return StreamResult.Error(offset);
                }
                if (incomplete) return StreamResult.Incomplete(offset, NeededAt(data[offset..]));
                if (offset >= data.Length) break;
                rest = data[offset..];
                state.Resyncing = false;
            }

            var header = HartIpProbe.ProbeHeader(rest);
            if (header == ProbeResult.Incomplete) return StreamResult.Incomplete(offset, HartIpConstants.HeaderLength);
            if (header == ProbeResult.Unrecognized)
            {
                sink.OnStreamAnomaly(ProtocolId.HartIp, HartIpFields.StreamInvalidHeader);
                state.Resyncing = true;
                state.Skipped = 1;
                offset++;
                continue;
            }

            int count = BinaryPrimitives.ReadUInt16BigEndian(rest[6..]);
            if (count > rest.Length) return StreamResult.Incomplete(offset, count);
            if (HartIpParser.TryParse(rest[..count], direction, out var message)) sink.OnHartIp(in message);
            state.Skipped = 0;
            offset += count;
        }
        return StreamResult.Ok(offset);
    }

    public void OnGap(Direction direction, IProtocolEventSink sink)
    {
        ref DirectionState state = ref direction == Direction.ToServer ? ref _toServer : ref _toClient;
        state.Resyncing = true;
        state.Skipped = 0;
    }

    public void OnDatagram(ReadOnlySpan<byte> datagram, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (HartIpProbe.ProbeHeader(datagram) != ProbeResult.Recognized)
        {
            sink.OnStreamAnomaly(ProtocolId.HartIp, HartIpFields.StreamInvalidHeader);
            return;
        }
        // A byte count that disagrees with the datagram is decoded and flagged (length_mismatch), not dropped.
        if (HartIpParser.TryParse(datagram, direction, out var message)) sink.OnHartIp(in message);
    }

    public void Reset()
    {
        _toServer = default;
        _toClient = default;
    }

    private static int FindHeader(ReadOnlySpan<byte> data, out bool incomplete)
    {
        for (int i = 0; i < data.Length; i++)
        {
            // A whole valid message, not merely a plausible header: 8 bytes of chance inside foreign data are too easy.
            var result = HartIpProbe.Recognize(data[i..], Direction.ToServer);
            if (result == ProbeResult.Recognized) { incomplete = false; return i; }
            if (result == ProbeResult.Incomplete) { incomplete = true; return i; }
        }
        incomplete = false;
        return data.Length;
    }

    /// <summary>Bytes a tentative message at the start of <paramref name="rest"/> needs (header, or its byte count).</summary>
    private static int NeededAt(ReadOnlySpan<byte> rest)
        => rest.Length < HartIpConstants.HeaderLength ? HartIpConstants.HeaderLength : BinaryPrimitives.ReadUInt16BigEndian(rest[6..]);

    private struct DirectionState
    {
        public bool Resyncing;
        public int Skipped;
    }
}
