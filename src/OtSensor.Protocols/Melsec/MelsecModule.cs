using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Melsec;

/// <summary>Registers the MC protocol (SLMP 3E/4E binary) over TCP: no well-known port, recognised by content.</summary>
public sealed class MelsecModule : IProtocolModule
{
    public ProtocolId Protocol => ProtocolId.Melsec;

    public ReadOnlySpan<ushort> DefaultPorts => [];

    public bool IsStream => true;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => MelsecProbe.Recognize(data, direction);

    public IStreamSession? CreateStreamSession() => new MelsecSession();

    public IDatagramSession? CreateDatagramSession() => null;
}
