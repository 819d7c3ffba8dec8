using System.Buffers;
using System.Buffers.Binary;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.OpcUa;

/// <summary>Per-connection opc.tcp state: chunk framing, resync, secure channel policies and chunk reassembly.</summary>
/// <remarks>
/// <para>Framing: every chunk starts with an 8-byte header whose MessageSize covers the whole chunk (Part 6 §7.1.2.2).
/// Chunks up to <see cref="OpcUaConstants.MaxBufferedChunk"/> are decoded whole; a larger one is decoded from its
/// first <see cref="OpcUaConstants.OversizedPrefix"/> bytes and the rest skipped without buffering.</para>
/// <para>Channels: each OPN states its SecurityPolicyUri; the session remembers it per SecureChannelId (at most
/// <see cref="OpcUaConstants.MaxChannels"/>) so that MSG/CLO records carry the policy and encrypted bodies are not
/// decoded as plaintext.</para>
/// <para>Chunking (§6.7.2.2): after an intermediate 'C' chunk, the following chunks of that direction with the same
/// RequestId continue the message until an 'F' (final) or 'A' (abort) chunk. Only the first chunk carries the type
/// NodeId, so continuation chunks have no function. GetEndpoints, CreateSession and ActivateSession messages are
/// reassembled in a pooled buffer of at most <see cref="OpcUaConstants.MaxReassembledMessage"/> bytes so their
/// endpoints and identity fields are decoded; the final chunk's record carries them.</para>
/// <para>Resync: a header with an unknown type or an impossible size is reported once as a stream anomaly and the
/// session skips to the next plausible header; more than <see cref="OpcUaConstants.MaxResyncBytes"/> without one
/// gives up with <see cref="StreamStatus.Error"/>.</para>
/// </remarks>
public sealed class OpcUaSession : IStreamSession
{
    private DirectionState _toServer;
    private DirectionState _toClient;
    private readonly uint[] _channelIds = new uint[OpcUaConstants.MaxChannels];
    private readonly byte[] _channelPolicies = new byte[OpcUaConstants.MaxChannels];
    private int _nextChannelSlot;
    private byte _lastOpenPolicy;
    private bool _reverse;

    public StreamResult OnData(ReadOnlySpan<byte> data, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ref DirectionState state = ref direction == Direction.ToServer ? ref _toServer : ref _toClient;
        int offset = 0;
        while (offset < data.Length)
        {
            if (state.SkipRemaining > 0)
            {
                int skip = (int)Math.Min(state.SkipRemaining, (uint)(data.Length - offset));
                offset += skip;
                state.SkipRemaining -= (uint)skip;
                continue;
            }

            if (state.Resyncing)
            {
                int skip = FindHeader(data[offset..], out bool incomplete);
                offset += skip;
                state.Skipped += skip;
                if (state.Skipped > OpcUaConstants.MaxResyncBytes)
                {
                    sink.OnStreamAnomaly(ProtocolId.OpcUa, OpcUaFields.StreamNotOpcUa);
                    return StreamResult.Error(offset);
                }
                if (incomplete) return StreamResult.Incomplete(offset, OpcUaConstants.HeaderLength);
                if (offset >= data.Length) break;
            }

            var rest = data[offset..];
            if (rest.Length < OpcUaConstants.HeaderLength) return StreamResult.Incomplete(offset, OpcUaConstants.HeaderLength);
            if (OpcUaProbe.IsPlausibleHeader(rest) != ProbeResult.Recognized)
            {
                // Reached only in sync (resync stops at plausible headers): one anomaly per episode.
                sink.OnStreamAnomaly(ProtocolId.OpcUa, OpcUaFields.StreamInvalidHeader);
                state.Resyncing = true;
                state.Skipped = 1;
                state.EndMessage();
                offset++;
                continue;
            }

            state.Resyncing = false;
            state.Skipped = 0;
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(rest[4..]);
            if (size > OpcUaConstants.MaxBufferedChunk)
            {
                if (rest.Length < OpcUaConstants.OversizedPrefix) return StreamResult.Incomplete(offset, OpcUaConstants.OversizedPrefix);
                OnChunk(rest[..OpcUaConstants.OversizedPrefix], direction, ref state, truncated: true, sink);
                offset += OpcUaConstants.OversizedPrefix;
                state.SkipRemaining = size - OpcUaConstants.OversizedPrefix;
                continue;
            }

            if (rest.Length < (int)size) return StreamResult.Incomplete(offset, (int)size);
            OnChunk(rest[..(int)size], direction, ref state, truncated: false, sink);
            offset += (int)size;
        }

        return StreamResult.Ok(offset);
    }

    public void OnGap(Direction direction, IProtocolEventSink sink)
    {
        ref DirectionState state = ref direction == Direction.ToServer ? ref _toServer : ref _toClient;
        // The next byte may be mid-chunk, and a message being chunked lost a piece: resync, forget it.
        state.Resyncing = true;
        state.Skipped = 0;
        state.SkipRemaining = 0;
        state.EndMessage();
    }

    public void Reset()
    {
        _toServer.Release();
        _toClient.Release();
        _toServer = default;
        _toClient = default;
        Array.Clear(_channelIds);
        Array.Clear(_channelPolicies);
        _nextChannelSlot = 0;
        _lastOpenPolicy = OpcUaSecurityPolicy.NotSeen;
        _reverse = false;
    }

    private void OnChunk(ReadOnlySpan<byte> frame, Direction direction, ref DirectionState state, bool truncated, IProtocolEventSink sink)
    {
        var type = OpcUaParser.MessageTypeOf(frame);
        // ReverseHello comes from the server that opened the connection (§7.1.2.6): roles are swapped from then on.
        if (type == OpcUaMessageType.ReverseHello && direction == Direction.ToServer) _reverse = true;
        var role = _reverse ? (direction == Direction.ToServer ? Direction.ToClient : Direction.ToServer) : direction;

        byte policy = OpcUaSecurityPolicy.NotSeen;
        bool continuation = false;
        if (type is OpcUaMessageType.Message or OpcUaMessageType.CloseSecureChannel && frame.Length >= OpcUaConstants.MinSymmetricLength)
        {
            policy = PolicyOf(BinaryPrimitives.ReadUInt32LittleEndian(frame[8..]));
            continuation = state.InMessage && (frame.Length < OpcUaConstants.MinSymmetricLength + OpcUaConstants.SequenceHeaderLength
                || policy is not (OpcUaSecurityPolicy.None or OpcUaSecurityPolicy.NotSeen)
                || BinaryPrimitives.ReadUInt32LittleEndian(frame[20..]) == state.RequestId);
            if (state.InMessage && !continuation) state.EndMessage();
        }

        var context = new OpcUaChunkContext(policy, continuation, truncated);
        if (!OpcUaParser.TryParseHeaders(frame, role, context, out var d, out int bodyOffset)) return;
        var body = bodyOffset >= 0 ? frame[bodyOffset..] : default;
        bool readable = bodyOffset >= 0 && !d.Has(OpcUaFieldPresence.Encrypted);

        if (!continuation)
        {
            if (readable) OpcUaParser.ParseBody(body, role, ref d, truncated);
            if (type == OpcUaMessageType.OpenSecureChannel) RememberChannel(in d);
            if (d.ChunkType == (byte)'C' && OpcUaParser.IsChunkable(type))
            {
                state.InMessage = true;
                state.RequestId = d.RequestId;
                state.ChunkCount = 1;
                state.Reassembling = readable && !truncated && d.Kind is OpcUaServiceKind.GetEndpoints or OpcUaServiceKind.CreateSession
                    or OpcUaServiceKind.ActivateSession;
                state.Length = 0;
                if (state.Reassembling) state.Append(body);
            }
            Emit(frame, body, in d, sink);
            return;
        }

        state.ChunkCount++;
        bool last = d.ChunkType != (byte)'C';
        if (d.ChunkType == (byte)'A')
        {
            if (readable) OpcUaParser.ParseBody(body, role, ref d, truncated);
            state.EndMessage();
            Emit(frame, body, in d, sink);
            return;
        }

        if (state.Reassembling && readable && !truncated)
        {
            if (!state.Append(body))
            {
                d.Anomalies |= OpcUaAnomalies.ReassemblyOverflow;
                state.Reassembling = false;
            }
            else if (last)
            {
                // The whole message is here: decode its body as if it had come in one chunk.
                var message = state.Buffer.AsSpan(0, state.Length);
                d.Present &= ~OpcUaFieldPresence.Continuation;
                OpcUaParser.ParseBody(message, role, ref d, truncated: false);
                d.Present |= OpcUaFieldPresence.Continuation | OpcUaFieldPresence.Reassembled;
                d.ChunkCount = state.ChunkCount;
                state.EndMessage();
                Emit(frame, message, in d, sink);
                return;
            }
        }

        if (last) state.EndMessage();
        Emit(frame, body, in d, sink);
    }

    private static void Emit(ReadOnlySpan<byte> frame, ReadOnlySpan<byte> body, in OpcUaDecoded d, IProtocolEventSink sink)
    {
        var message = new OpcUaMessage(frame, body, in d);
        sink.OnOpcUa(in message);
    }

    private byte PolicyOf(uint channelId)
    {
        for (int i = 0; i < _channelIds.Length; i++)
            if (_channelPolicies[i] != OpcUaSecurityPolicy.NotSeen && _channelIds[i] == channelId) return _channelPolicies[i];
        return _lastOpenPolicy;
    }

    private void RememberChannel(in OpcUaDecoded d)
    {
        if (d.PolicyIndex == OpcUaSecurityPolicy.NotSeen) return;
        _lastOpenPolicy = d.PolicyIndex;
        // A request for a new channel carries id 0; the response carries the id the server assigned.
        if (!d.Has(OpcUaFieldPresence.SecureChannelId) || d.SecureChannelId == 0) return;
        for (int i = 0; i < _channelIds.Length; i++)
        {
            if (_channelPolicies[i] != OpcUaSecurityPolicy.NotSeen && _channelIds[i] == d.SecureChannelId)
            {
                _channelPolicies[i] = d.PolicyIndex;
                return;
            }
        }
        _channelIds[_nextChannelSlot] = d.SecureChannelId;
        _channelPolicies[_nextChannelSlot] = d.PolicyIndex;
        _nextChannelSlot = (_nextChannelSlot + 1) % _channelIds.Length;
    }

    /// <summary>Offset of the first plausible chunk header; <paramref name="incomplete"/> when the tail is too short to decide.</summary>
    private static int FindHeader(ReadOnlySpan<byte> data, out bool incomplete)
    {
        for (int i = 0; i < data.Length; i++)
        {
            var result = OpcUaProbe.IsPlausibleHeader(data[i..]);
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
        public uint SkipRemaining;

        /// <summary>A 'C' chunk started a message whose final chunk has not arrived.</summary>
        public bool InMessage;
        public uint RequestId;
        public int ChunkCount;
        public bool Reassembling;
        public byte[]? Buffer;
        public int Length;

        public void EndMessage()
        {
            InMessage = false;
            Reassembling = false;
            Length = 0;
            ChunkCount = 0;
        }

        /// <summary>Appends to the pooled buffer, growing it up to the bound; false when the message would exceed it.</summary>
        public bool Append(ReadOnlySpan<byte> part)
        {
            int needed = Length + part.Length;
            if (needed > OpcUaConstants.MaxReassembledMessage) return false;
            if (Buffer is null || Buffer.Length < needed)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, 16 * 1024));
                if (Buffer is not null)
                {
                    Buffer.AsSpan(0, Length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(Buffer);
                }
                Buffer = larger;
            }
            part.CopyTo(Buffer.AsSpan(Length));
            Length = needed;
            return true;
        }

        public void Release()
        {
            if (Buffer is not null) ArrayPool<byte>.Shared.Return(Buffer);
            Buffer = null;
        }
    }
}
