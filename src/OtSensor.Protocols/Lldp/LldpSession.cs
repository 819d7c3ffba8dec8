using OtSensor.Core.Net;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Lldp;

/// <summary>LLDP frames: each is one LLDPDU, decoded alone; no state (an agent repeats its whole advertisement every TTL/4).</summary>
public sealed class LldpSession : IFrameSession
{
    public void OnFrame(ReadOnlySpan<byte> payload, MacAddress source, MacAddress destination, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        LldpParser.Parse(payload, out var decoded);
        var message = new LldpMessage(payload, in decoded);
        sink.OnLldp(in message);
    }

    public void Reset()
    {
    }
}
