using OtSensor.Core.Net;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Cdp;

/// <summary>
/// LLC SNAP frames (DSAP 0xAA with a vendor OUI, which the Ethernet decoder does not unwrap): those with Cisco's OUI
/// and PID 0x2000 are CDP, decoded one per frame with no state; other SNAP frames (Cisco VTP, DTP, UDLD, PVST+ BPDUs
/// every two seconds per VLAN) are ordinary traffic of other protocols: ignored, neither recorded nor counted.
/// </summary>
public sealed class CdpSession : IFrameSession
{
    public void OnFrame(ReadOnlySpan<byte> payload, MacAddress source, MacAddress destination, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (!CdpParser.IsCdp(payload)) return;
        var cdp = payload[CdpConstants.SnapLength..];
        var message = new CdpMessage(cdp);
        CdpParser.Parse(cdp, out message.Fields);
        sink.OnCdp(in message);
    }

    public void Reset()
    {
    }
}
