using System.Buffers.Binary;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Fins;

/// <summary>FINS on one flow: one frame per UDP datagram, or FINS/TCP messages framed by their length.</summary>
/// <remarks>
/// FINS/TCP: a message is 8 + Length bytes. A header <see cref="FinsProbe"/> rejects reports <c>resync</c> once and
/// the session skips byte by byte to the next "FINS" header; after <see cref="FinsConstants.MaxResyncBytes"/> it
/// gives up (<c>not_fins</c>). Responses carry their command code, so requests are not paired.
/// </remarks>
public sealed class FinsSession : IStreamSession, IDatagramSession
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
                int skip = FindHeader(data[offset..], out bool incomplete);
                offset += skip;
                state.Skipped += skip;
                if (state.Skipped > FinsConstants.MaxResyncBytes)
                {
                    sink.OnStreamAnomaly(ProtocolId.Fins, "not_fins");
                    return StreamResult.Error(offset);
                }
                if (incomplete) return StreamResult.Incomplete(offset, NeededAt(data[offset..]));
                if (offset >= data.Length) break;
                state.Resyncing = false;
            }

            var rest = data[offset..];
            var header = FinsProbe.Recognize(rest, direction);
            if (header == ProbeResult.Incomplete) return StreamResult.Incomplete(offset, NeededAt(rest));
            if (header == ProbeResult.Unrecognized)
            {
                sink.OnStreamAnomaly(ProtocolId.Fins, "resync");
                state.Resyncing = true;
                state.Skipped = 1;
                offset++;
                continue;
            }

            int size = 8 + (int)BinaryPrimitives.ReadUInt32BigEndian(rest[4..]);
            if (size > rest.Length) return StreamResult.Incomplete(offset, size);
            if (FinsParser.TryParseTcp(rest[..size], direction, out var message)) sink.OnFins(in message);
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

    public void OnDatagram(ReadOnlySpan<byte> datagram, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (FinsParser.TryParseFrame(datagram, direction, out var message)) sink.OnFins(in message);
        else sink.OnStreamAnomaly(ProtocolId.Fins, "not_fins");
    }

    public void Reset()
    {
        _toServer = default;
        _toClient = default;
    }

    /// <summary>Bytes the message at the start of <paramref name="rest"/> needs: the header, then 8 + Length.</summary>
    private static int NeededAt(ReadOnlySpan<byte> rest)
        => rest.Length < FinsConstants.TcpHeaderLength ? FinsConstants.TcpHeaderLength : 8 + (int)BinaryPrimitives.ReadUInt32BigEndian(rest[4..]);

    private static int FindHeader(ReadOnlySpan<byte> data, out bool incomplete)
    {
        for (int i = 0; i < data.Length; i++)
        {
            var result = FinsProbe.Recognize(data[i..], Direction.ToServer);
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
