using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Iec104;

/// <summary>Registers IEC 60870-5-104 with the engine.</summary>
/// <remarks>IEC 60870-5-104 §10 (TCP port 2404). IEC 62351-3 TLS (19998) is not decoded.</remarks>
public sealed class Iec104Module : IProtocolModule
{
    private static readonly ushort[] Ports = [Iec104Constants.DefaultPort];

    public ProtocolId Protocol => ProtocolId.Iec104;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => true;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => Iec104Probe.Recognize(data, direction);

    public IStreamSession? CreateStreamSession() => new Iec104Session();

    public IDatagramSession? CreateDatagramSession() => null;
}
