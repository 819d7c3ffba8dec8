using OtSensor.Core.Net;

namespace OtSensor.Protocols.Registry;

/// <summary>
/// One pipeline's state for a layer-2 protocol: every matching frame's payload is offered whole. State that
/// spans frames (a GOOSE publisher's last stNum/sqNum, a DCP transaction) lives here, bounded. Never throws on
/// wire data.
/// </summary>
public interface IFrameSession
{
    /// <summary>
    /// Decodes one frame's payload: the bytes after the EtherType, up to the end of the captured frame with any Ethernet
    /// padding (protocols with their own length field must honour it); or the bytes after the LLC header, up to the
    /// IEEE 802.3 length field (padding excluded).
    /// </summary>
    void OnFrame(ReadOnlySpan<byte> payload, MacAddress source, MacAddress destination, IProtocolEventSink sink);

    void Reset();
}
