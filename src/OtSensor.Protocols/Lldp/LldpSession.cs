using OtSensor.Core.Net;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Lldp;

/// <summary>LLDP frames: each is one LLDPDU, decoded alone; no state (an agent repeats its whole advertisement every TTL/4).</summary>
public sealed class LldpSession : IFrameSession
{
    public void OnFrame(ReadOnlySpan<byte> payload, MacAddress source, MacAddress destination, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var message = new LldpMessage(payload);
        LldpParser.Parse(payload, out message.Fields);
        sink.OnLldp(in message);
    }

    public void Reset()
    {
    }
}
