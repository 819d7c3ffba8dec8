using System.Buffers;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;
using OtSensor.Protocols.Tpkt;

namespace OtSensor.Protocols.Cotp;

/// <summary>
/// Per flow: TPKT framing, COTP TPDU parsing, DT reassembly up to EOT (bounded, per direction), and dispatch of
/// each whole TSDU to the first <see cref="ICotpPayloadDecoder"/> that accepts it.
/// </summary>
/// <remarks>
/// RFC 1006 §5 maps one TPDU to one TPKT packet; X.224 §6.3 segments a TSDU over DT TPDUs whose last has EOT.
/// A TSDU that arrives in one DT is dispatched in place (no copy); only segmented TSDUs are copied into a
/// pooled buffer. Connection parameters of CR/CC (TSAPs, TPDU size) are kept for inspection.
/// </remarks>
public sealed class CotpSession : IStreamSession
{
    private readonly ICotpPayloadDecoder[] _decoders;
    private readonly int _maxTsduLength;
    private DirectionState _toServer;
    private DirectionState _toClient;
    private ulong _reported;
    private readonly byte[] _callingTsap = new byte[CotpConstants.MaxTsapLength];
    private readonly byte[] _calledTsap = new byte[CotpConstants.MaxTsapLength];
    private int _callingTsapLength;
    private int _calledTsapLength;

    public CotpSession(ICotpPayloadDecoder[] decoders, int maxTsduLength = CotpConstants.DefaultMaxTsduLength)
    {
        ArgumentNullException.ThrowIfNull(decoders);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTsduLength, 1);
        _decoders = decoders;
        _maxTsduLength = maxTsduLength;
    }

    /// <summary>Calling TSAP from the last CR or CC seen (empty before).</summary>
    public ReadOnlySpan<byte> CallingTsap => _callingTsap.AsSpan(0, _callingTsapLength);

    /// <summary>Called TSAP from the last CR or CC seen (empty before).</summary>
    public ReadOnlySpan<byte> CalledTsap => _calledTsap.AsSpan(0, _calledTsapLength);

    /// <summary>Maximum TPDU size negotiated (CC) or proposed (CR) in bytes; 0 when not seen.</summary>
    public int TpduSize { get; private set; }

    /// <summary>Number of TSDUs dispatched (reassembled DT sequences), for tests and statistics.</summary>
    public long TsduCount { get; private set; }

    /// <summary>Stream anomalies seen so far on this flow (each is reported to the sink once per flow).</summary>
    public CotpAnomalies SeenAnomalies => (CotpAnomalies)_reported;

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
                int skip = FindHeader(rest);
                offset += skip;
                state.Skipped += skip;
                if (state.Skipped > CotpConstants.MaxResyncBytes)
                {
                    Report(CotpAnomalies.NotTpkt, sink);
                    return StreamResult.Error(offset);
                }
                if (offset >= data.Length) break;
                rest = data[offset..];
            }

            var status = TpktFramer.TryReadPacket(rest, out int length);
            if (status == TpktStatus.Incomplete)
            {
                return StreamResult.Incomplete(offset, length);
            }
            if (status != TpktStatus.Complete)
            {
                Report(status == TpktStatus.InvalidVersion ? CotpAnomalies.TpktInvalidVersion : CotpAnomalies.TpktInvalidLength, sink);
                DropTsdu(ref state);
                state.Resyncing = true;
                state.Skipped = 1;
                offset++;
                continue;
            }
            if (state.Resyncing)
            {
                // After a capture gap losing sync is expected; only garbage inside a stream is an anomaly.
                if (!state.AfterGap) Report(CotpAnomalies.Resynchronized, sink);
                state.Resyncing = false;
                state.AfterGap = false;
            }
            state.Skipped = 0;
            var packet = rest[..length];
            if (TpktFramer.HasNonZeroReserved(packet)) Report(CotpAnomalies.TpktReservedNonZero, sink);
            OnTpdu(packet[TpktConstants.HeaderLength..], direction, ref state, sink);
            offset += length;
        }
        return StreamResult.Ok(offset);
    }

    public void OnGap(Direction direction, IProtocolEventSink sink)
    {
        ref DirectionState state = ref direction == Direction.ToServer ? ref _toServer : ref _toClient;
        DropTsdu(ref state);
        state.Resyncing = true;
        state.AfterGap = true;
        state.Skipped = 0;
        for (int i = 0; i < _decoders.Length; i++) _decoders[i].Reset(direction);
    }

    public void Reset()
    {
        Release(ref _toServer);
        Release(ref _toClient);
        _reported = 0;
        _callingTsapLength = 0;
        _calledTsapLength = 0;
        TpduSize = 0;
        TsduCount = 0;
        for (int i = 0; i < _decoders.Length; i++)
        {
            _decoders[i].Reset(Direction.ToServer);
            _decoders[i].Reset(Direction.ToClient);
        }
    }

    private void OnTpdu(ReadOnlySpan<byte> raw, Direction direction, ref DirectionState state, IProtocolEventSink sink)
    {
        var tpdu = CotpParser.Parse(raw);
        if (tpdu.Anomalies != CotpAnomalies.None) Report(tpdu.Anomalies, sink);
        if (!tpdu.IsValid) return;
        switch (tpdu.Type)
        {
            case CotpPduType.Data:
                OnData(tpdu.UserData, tpdu.EndOfTsdu, direction, ref state, sink);
                break;
            case CotpPduType.ConnectRequest:
            case CotpPduType.ConnectConfirm:
                KeepConnectionParameters(in tpdu);
                break;
            case CotpPduType.DisconnectRequest:
            case CotpPduType.DisconnectConfirm:
                DropTsdu(ref state);
                break;
        }
    }

    private void OnData(ReadOnlySpan<byte> userData, bool endOfTsdu, Direction direction, ref DirectionState state, IProtocolEventSink sink)
    {
        if (state.Overflowed)
        {
            // The rest of an oversized TSDU: skip it up to its EOT.
            if (endOfTsdu) state.Overflowed = false;
            return;
        }
        if (state.Length == 0 && endOfTsdu)
        {
            Dispatch(userData, direction, sink);
            return;
        }
        if ((uint)userData.Length > (uint)(_maxTsduLength - state.Length))
        {
            Report(CotpAnomalies.ReassemblyOverflow, sink);
            DropTsdu(ref state);
            state.Overflowed = !endOfTsdu;
            return;
        }
        Append(ref state, userData);
        if (!endOfTsdu) return;
        Dispatch(state.Buffer.AsSpan(0, state.Length), direction, sink);
        state.Length = 0;
    }

    private void Dispatch(ReadOnlySpan<byte> tsdu, Direction direction, IProtocolEventSink sink)
    {
        if (tsdu.IsEmpty) return;
        TsduCount++;
        for (int i = 0; i < _decoders.Length; i++)
        {
            if (_decoders[i].Accepts(tsdu))
            {
                _decoders[i].Decode(tsdu, direction, sink);
                return;
            }
        }
        Report(CotpAnomalies.UnrecognizedPayload, sink);
    }

    private void Append(ref DirectionState state, ReadOnlySpan<byte> data)
    {
        int needed = state.Length + data.Length;
        if (state.Buffer is null || state.Buffer.Length < needed)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(needed, 1024), _maxTsduLength));
            if (state.Buffer is not null)
            {
                state.Buffer.AsSpan(0, state.Length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(state.Buffer);
            }
            state.Buffer = bigger;
        }
        data.CopyTo(state.Buffer.AsSpan(state.Length));
        state.Length = needed;
    }

    private void KeepConnectionParameters(scoped in CotpTpdu tpdu)
    {
        var calling = tpdu.CallingTsap;
        var called = tpdu.CalledTsap;
        if (!calling.IsEmpty)
        {
            calling.CopyTo(_callingTsap);
            _callingTsapLength = calling.Length;
        }
        if (!called.IsEmpty)
        {
            called.CopyTo(_calledTsap);
            _calledTsapLength = called.Length;
        }
        if (tpdu.TpduSize != 0) TpduSize = tpdu.TpduSize;
    }

    /// <summary>Reports each anomaly bit once per flow (stream anomalies are counted per flow, not per packet).</summary>
    private void Report(CotpAnomalies anomalies, IProtocolEventSink sink)
    {
        ulong fresh = (ulong)anomalies & ~_reported;
        _reported |= fresh;
        while (fresh != 0)
        {
            int bit = System.Numerics.BitOperations.TrailingZeroCount(fresh);
            sink.OnStreamAnomaly(ProtocolId.Cotp, CotpNames.Anomaly(bit));
            fresh &= fresh - 1;
        }
    }

    /// <summary>Bytes to skip to the next offset where a TPKT header with a plausible TPDU starts.</summary>
    private static int FindHeader(ReadOnlySpan<byte> data)
    {
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] != TpktConstants.Version) continue;
            var result = CotpProbe.Recognize(data[i..], Direction.ToServer);
            if (result != ProbeResult.Unrecognized) return i;
        }
        return data.Length;
    }

    private static void DropTsdu(ref DirectionState state)
    {
        state.Length = 0;
        state.Overflowed = false;
    }

    private static void Release(ref DirectionState state)
    {
        if (state.Buffer is not null) ArrayPool<byte>.Shared.Return(state.Buffer);
        state = default;
    }

    private struct DirectionState
    {
        public byte[]? Buffer;
        public int Length;
        public bool Overflowed;
        public bool Resyncing;
        public bool AfterGap;
        public int Skipped;
    }
}
