using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.SampledValues;

/// <summary>Decodes every frame on EtherType 0x88BA into one <see cref="SampledValuesMessage"/>; keeps no state across frames.</summary>
/// <remarks>A merging unit sends 4000–14400 frames/s per stream (IEC 61850-9-2LE), so this path only decodes and emits.</remarks>
public sealed class SampledValuesSession : IFrameSession
{
    public void OnFrame(ReadOnlySpan<byte> payload, MacAddress source, MacAddress destination, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (!SampledValuesParser.TryDecode(payload, out var d))
        {
            sink.OnStreamAnomaly(ProtocolId.SampledValues, SampledValuesNames.TruncatedHeader);
            return;
        }
        var message = new SampledValuesMessage(d);
        sink.OnSampledValues(in message);
    }

    public void Reset()
    {
    }
}
