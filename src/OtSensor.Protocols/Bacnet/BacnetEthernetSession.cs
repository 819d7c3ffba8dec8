using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Bacnet;

/// <summary>
/// BACnet over Ethernet (ASHRAE 135 clause 7.1): each 802.3 frame with LLC DSAP/SSAP 0x82 and UI control carries one
/// NPDU, decoded into one record like a BACnet/IP datagram but without a BVLL. Stateless: the frames are mostly
/// unconfirmed services (I-Am, Who-Is, Who-Has, time synchronization).
/// </summary>
/// <remarks>
/// The payload handed over runs to the end of the captured frame, Ethernet padding included; trailing zero octets
/// after a complete APDU are not an error on this medium.
/// </remarks>
public sealed class BacnetEthernetSession : IFrameSession
{
    public void OnFrame(ReadOnlySpan<byte> payload, MacAddress source, MacAddress destination, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var message = new BacnetMessage(payload);
        BacnetParser.ParseEthernet(payload, out message.Fields);
        sink.OnBacnet(in message);
    }

    public void Reset() { }
}
