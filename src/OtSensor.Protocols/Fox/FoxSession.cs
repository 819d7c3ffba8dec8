using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Fox;

/// <summary>Niagara Fox on one TCP flow: text messages, each a header line and a block ending "};;\n".</summary>
/// <remarks>
/// A message must start with a Fox header line and end within <see cref="FoxConstants.MaxMessageLength"/> bytes;
/// otherwise the flow is not (or no longer) Fox in the clear: one stream anomaly (<c>not_fox</c>) and the session
/// stops (<see cref="StreamStatus.Error"/>). No state is kept between messages.
/// </remarks>
public sealed class FoxSession : IStreamSession
{
    public StreamResult OnData(ReadOnlySpan<byte> data, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        int offset = 0;
        while (offset < data.Length)
        {
            var rest = data[offset..];
            var header = FoxParser.ProbeHeader(rest);
            if (header == ProbeResult.Incomplete) return StreamResult.Incomplete(offset, rest.Length + 1);
            if (header == ProbeResult.Unrecognized) return NotFox(offset, sink);
            int length = FoxParser.MessageLength(rest);
            if (length == 0)
            {
                if (rest.Length >= FoxConstants.MaxMessageLength) return NotFox(offset, sink);
                return StreamResult.Incomplete(offset, rest.Length + 1);
            }
            if (length > FoxConstants.MaxMessageLength) return NotFox(offset, sink);
            var message = FoxParser.Parse(rest[..length]).FromServer(direction == Direction.ToClient);
            sink.OnFox(in message);
            offset += length;
        }
        return StreamResult.Ok(offset);
    }

    /// <summary>Lost bytes leave no way back into a text stream without a length field: stop decoding this direction.</summary>
    public void OnGap(Direction direction, IProtocolEventSink sink) { }

    public void Reset() { }

    private static StreamResult NotFox(int offset, IProtocolEventSink sink)
    {
        sink.OnStreamAnomaly(ProtocolId.Fox, "not_fox");
        return StreamResult.Error(offset);
    }
}
