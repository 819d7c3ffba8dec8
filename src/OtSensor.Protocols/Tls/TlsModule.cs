using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Tls;

/// <summary>Registers TLS (TCP 443, and by its first hello record on any port) with the engine.</summary>
public sealed class TlsModule : IProtocolModule
{
    private static readonly ushort[] Ports = [TlsConstants.Port];

    public ProtocolId Protocol => ProtocolId.Tls;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => true;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => TlsProbe.Recognize(data);

    public IStreamSession? CreateStreamSession() => new TlsSession();

    public IDatagramSession? CreateDatagramSession() => null;
}
