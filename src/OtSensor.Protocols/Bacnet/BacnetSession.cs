using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Bacnet;

/// <summary>BACnet/IP on one UDP flow: each datagram is one BVLL message, decoded into one record.</summary>
/// <remarks>
/// Annex J: BVLL messages never span datagrams, so each datagram is decoded alone; APDU segments (§20.1.2.4) are
/// recorded one per datagram, not reassembled. The only state is the service of the last confirmed request per
/// invoke id and requester (§5.4: the invoke id is scoped to the requesting device), so that Reject, Abort and
/// Segment-ACK, which carry no service choice, can name the service they refer to. A datagram that is not BVLL
/// is a stream anomaly.
/// </remarks>
public sealed class BacnetSession : IDatagramSession
{
    // Service choice + 1 of the last confirmed request per invoke id, one table per requester direction (0 = none).
    private readonly short[] _fromClient = new short[256];
    private readonly short[] _fromServer = new short[256];

    public void OnDatagram(ReadOnlySpan<byte> datagram, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (!BacnetParser.IsBvll(datagram))
        {
            sink.OnStreamAnomaly(ProtocolId.Bacnet, BacnetFields.NotBvll);
            return;
        }
        var message = new BacnetMessage(datagram);
        ref BacnetDecoded decoded = ref message.Fields;
        BacnetParser.Parse(datagram, out decoded);
        if (decoded.HasApdu && decoded.InvokeId >= 0) Pair(ref decoded, direction);
        sink.OnBacnet(in message);
    }

    private void Pair(ref BacnetDecoded d, Direction direction)
    {
        var own = direction == Direction.ToServer ? _fromClient : _fromServer;
        var other = direction == Direction.ToServer ? _fromServer : _fromClient;
        bool server = (d.ApduFlags & BacnetConstants.ApduServer) != 0;
        short[]? table = (BacnetPduType)d.PduType switch
        {
            BacnetPduType.ConfirmedRequest => null,
            BacnetPduType.Reject => other,
            BacnetPduType.Abort or BacnetPduType.SegmentAck => server ? other : own,
            _ => null,
        };
        if ((BacnetPduType)d.PduType == BacnetPduType.ConfirmedRequest)
        {
            own[d.InvokeId] = (short)(d.ServiceChoice + 1);
            return;
        }
        if (table is not null && table[d.InvokeId] > 0) d.RequestService = table[d.InvokeId] - 1;
    }

    public void Reset()
    {
        Array.Clear(_fromClient);
        Array.Clear(_fromServer);
    }
}
