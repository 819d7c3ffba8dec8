using OtSensor.Core.Parsing;
using OtSensor.Protocols.Cotp;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.S7Comm;

/// <summary>S7comm on a TPKT/COTP connection: each COTP TSDU starting with 0x32 is one S7comm PDU.</summary>
/// <remarks>Keeps one bit of state per direction: whether an SZL answer announced more data units, so that
/// the next data unit is read as continued records and not as a new SZL header.</remarks>
public sealed class S7CommPayloadDecoder : ICotpPayloadDecoder
{
    private bool _szlContinuesToServer;
    private bool _szlContinuesToClient;

    public bool Accepts(ReadOnlySpan<byte> tsdu) => !tsdu.IsEmpty && tsdu[0] == S7CommConstants.ProtocolId;

    public void Decode(ReadOnlySpan<byte> tsdu, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ref bool continues = ref direction == Direction.ToServer ? ref _szlContinuesToServer : ref _szlContinuesToClient;
        var message = S7CommParser.Parse(tsdu, continues);
        if (message.IsUserdata && message.UserdataGroup == (int)S7CommUserdataGroup.CpuFunctions
            && message.UserdataSubfunction == S7CommConstants.SubfunctionReadSzl && message.IsResponse)
        {
            continues = message.MoreDataUnits;
        }
        sink.OnS7Comm(in message);
    }

    public void Reset(Direction direction)
    {
        if (direction == Direction.ToServer) _szlContinuesToServer = false;
        else _szlContinuesToClient = false;
    }
}
