using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Melsec;

/// <summary>Registers the MC protocol (SLMP 3E/4E binary) over UDP: no well-known port, recognised by content.</summary>
public sealed class MelsecUdpModule : IProtocolModule
{
    public ProtocolId Protocol => ProtocolId.Melsec;

    public ReadOnlySpan<ushort> DefaultPorts => [];

    public bool IsStream => false;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => MelsecProbe.RecognizeDatagram(data, direction);

    public IStreamSession? CreateStreamSession() => null;

    public IDatagramSession? CreateDatagramSession() => new MelsecSession();
}
