using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.Registry;

/// <summary>
/// Per-flow state of a protocol over a reassembled byte stream (TCP). One instance per flow, reusable
/// through <see cref="Reset"/>. Never throws on wire data.
/// </summary>
public interface IStreamSession
{
    /// <summary>
    /// Offers contiguous in-order bytes of one direction. The session consumes whole frames and reports
    /// how many bytes it used; the caller keeps the rest and offers it again, prefixed, with more data.
    /// </summary>
    StreamResult OnData(ReadOnlySpan<byte> data, Direction direction, IProtocolEventSink sink);

    /// <summary>Bytes were lost in <paramref name="direction"/>: drop partial state and resynchronise.</summary>
    void OnGap(Direction direction, IProtocolEventSink sink);

    void Reset();
}
