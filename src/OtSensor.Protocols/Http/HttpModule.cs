using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Http;

/// <summary>Registers HTTP/1.x (TCP 80 and 8080, and by its start line on any port) with the engine.</summary>
public sealed class HttpModule : IProtocolModule
{
    private static readonly ushort[] Ports = [HttpConstants.Port, HttpConstants.AlternatePort];

    public ProtocolId Protocol => ProtocolId.Http;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => true;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => HttpProbe.Recognize(data);

    public IStreamSession? CreateStreamSession() => new HttpSession();

    public IDatagramSession? CreateDatagramSession() => null;
}
