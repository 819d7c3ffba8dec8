using OtSensor.Core.Parsing;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Bacnet;

/// <summary>BACnet/IP on one UDP flow: each datagram is one BVLL message, decoded into one record.</summary>
/// <remarks>
/// Annex J: BVLL messages never span datagrams, so the session keeps no state between them; APDU segments
/// (§20.1.2.4) are recorded one per datagram, not reassembled. A datagram that is not BVLL is a stream anomaly.
/// </remarks>
public sealed class BacnetSession : IDatagramSession
{
    public void OnDatagram(ReadOnlySpan<byte> datagram, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _ = direction;
        if (!BacnetParser.IsBvll(datagram))
        {
            sink.OnStreamAnomaly(Core.Protocols.ProtocolId.Bacnet, BacnetFields.NotBvll);
            return;
        }
        BacnetParser.Parse(datagram, out var decoded);
        var message = new BacnetMessage(datagram, in decoded);
        sink.OnBacnet(in message);
    }

    public void Reset()
    {
    }
}
