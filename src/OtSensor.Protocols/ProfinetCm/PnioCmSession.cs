using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.ProfinetCm;

/// <summary>PNIO-CM on one UDP flow: one record per RPC PDU, fragmented calls reassembled first.</summary>
/// <remarks>
/// C706 §12.5.3: a datagram is one RPC PDU. An unfragmented call gives one record. A fragmented call gives one
/// record at its last fragment, decoded over the reassembled body (tshark counts the call there too); earlier
/// fragments give none. A datagram that is not an RPC header is a stream anomaly.
/// </remarks>
public sealed class PnioCmSession : IDatagramSession, IDisposable
{
    private readonly PnioCmReassembly _fromClient = new();
    private readonly PnioCmReassembly _fromServer = new();

    public void OnDatagram(ReadOnlySpan<byte> datagram, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (!PnioCmParser.ParseHeader(datagram, out var decoded) || (decoded.Anomalies & PnioCmAnomalies.BadVersion) != 0)
        {
            sink.OnStreamAnomaly(ProtocolId.ProfinetIO, PnioCmFields.NotRpc);
            return;
        }
        var body = PnioCmParser.BodyOf(datagram, in decoded);
        if ((decoded.Flags1 & PnioCmConstants.Flags1Fragment) != 0 && PnioCmParser.IsCall(decoded.PacketType))
        {
            var reassembly = direction == Direction.ToServer ? _fromClient : _fromServer;
            bool last = (decoded.Flags1 & PnioCmConstants.Flags1LastFragment) != 0;
            var result = reassembly.Add(datagram.Slice(PnioCmConstants.OffsetActivity, 16), decoded.Sequence, decoded.Opnum, decoded.FragmentNumber, last, body);
            switch (result)
            {
                case PnioCmReassembly.Result.Pending:
                case PnioCmReassembly.Result.Duplicate:
                    return;
                case PnioCmReassembly.Result.Complete:
                    decoded.Fragments = reassembly.Fragments;
                    body = reassembly.Body;
                    break;
                default:
                    decoded.Anomalies |= reassembly.LimitHit ? PnioCmAnomalies.ReassemblyLimit : PnioCmAnomalies.FragmentMissing;
                    var message = new PnioCmMessage(body, in decoded);
                    sink.OnPnioCm(in message);
                    return;
            }
        }
        PnioCmParser.ParseBody(body, ref decoded);
        var call = new PnioCmMessage(body, in decoded);
        sink.OnPnioCm(in call);
        if (decoded.Fragments > 1) (direction == Direction.ToServer ? _fromClient : _fromServer).Clear();
    }

    public void Reset()
    {
        _fromClient.Clear();
        _fromServer.Clear();
    }

    public void Dispose()
    {
        _fromClient.Dispose();
        _fromServer.Dispose();
    }
}
