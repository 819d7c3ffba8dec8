using OtSensor.Core.Parsing;
using OtSensor.Protocols.Cotp;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.S7CommPlus;

/// <summary>S7comm-plus on a TPKT/COTP connection: each COTP TSDU starting with 0x72 is one frame.</summary>
/// <remarks>Per direction it remembers whether the last frame lacked its trailer, so the next frame is read
/// as a continuation fragment (whose first data byte is not an opcode).</remarks>
public sealed class S7CommPlusPayloadDecoder : ICotpPayloadDecoder
{
    private bool _continuesToServer;
    private bool _continuesToClient;

    public bool Accepts(ReadOnlySpan<byte> tsdu) => !tsdu.IsEmpty && tsdu[0] == S7CommPlusConstants.ProtocolId;

    public void Decode(ReadOnlySpan<byte> tsdu, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ref bool continues = ref direction == Direction.ToServer ? ref _continuesToServer : ref _continuesToClient;
        S7CommPlusParser.Parse(tsdu, continues, out var message);
        continues = message.MoreFragments;
        sink.OnS7CommPlus(in message);
    }

    public void Reset(Direction direction)
    {
        if (direction == Direction.ToServer) _continuesToServer = false;
        else _continuesToClient = false;
    }
}
