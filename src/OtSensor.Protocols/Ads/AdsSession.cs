using System.Buffers.Binary;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Ads;

/// <summary>ADS on one flow: AMS/TCP packets framed by their length, or UDP datagrams (discovery or AMS/UDP).</summary>
/// <remarks>
/// AMS/TCP: a packet is 6 + Length bytes. A header <see cref="AdsProbe"/> rejects reports
/// <see cref="AdsFields.StreamResync"/> once and the session skips byte by byte to the next plausible header;
/// after <see cref="AdsConstants.MaxResyncBytes"/> it gives up (<see cref="AdsFields.StreamNotAds"/>). After a gap
/// the same resync runs silently. Requests and responses are not paired: every response repeats its command id.
/// </remarks>
public sealed class AdsSession : IStreamSession, IDatagramSession
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
                if (state.Skipped > AdsConstants.MaxResyncBytes)
                {
                    sink.OnStreamAnomaly(ProtocolId.Ads, AdsFields.StreamNotAds);
                    return StreamResult.Error(offset);
                }
                if (incomplete) return StreamResult.Incomplete(offset, AdsConstants.TcpHeaderLength + AdsConstants.AmsHeaderLength);
                if (offset >= data.Length) break;
                state.Resyncing = false;
            }

            var rest = data[offset..];
            var header = AdsProbe.Recognize(rest, direction);
            if (header == ProbeResult.Incomplete) return StreamResult.Incomplete(offset, AdsConstants.TcpHeaderLength + AdsConstants.AmsHeaderLength);
            if (header == ProbeResult.Unrecognized)
            {
                sink.OnStreamAnomaly(ProtocolId.Ads, AdsFields.StreamResync);
                state.Resyncing = true;
                state.Skipped = 1;
                offset++;
                continue;
            }

            int size = AdsConstants.TcpHeaderLength + (int)BinaryPrimitives.ReadUInt32LittleEndian(rest[2..]);
            if (size > rest.Length) return StreamResult.Incomplete(offset, size);
            if (AdsParser.TryParseTcp(rest[..size], out var message)) sink.OnAds(in message);
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
        if (AdsParser.TryParseDiscovery(datagram, out var discovery))
        {
            sink.OnAds(in discovery);
            return;
        }
        if (AdsParser.TryParseUdp(datagram, out var packet))
        {
            sink.OnAds(in packet);
            return;
        }
        sink.OnStreamAnomaly(ProtocolId.Ads, AdsFields.StreamNotAds);
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
            var result = AdsProbe.Recognize(data[i..], Direction.ToServer);
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
