using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Fox;

/// <summary>Registers Niagara Fox in the clear (TCP 1911, and by content on any port): the hello is recognised and labelled.</summary>
public sealed class FoxModule : IProtocolModule
{
    private static readonly ushort[] Ports = [FoxConstants.DefaultPort];

    public ProtocolId Protocol => ProtocolId.Fox;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => true;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => FoxParser.ProbeHeader(data);

    public IStreamSession? CreateStreamSession() => new FoxSession();

    public IDatagramSession? CreateDatagramSession() => null;
}
