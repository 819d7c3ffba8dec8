using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Enip;

/// <summary>Registers EtherNet/IP with the engine: TCP port 44818, and by content on any port.</summary>
/// <remarks>Vol. 2 §2-2: explicit messaging over TCP 44818. UDP 44818 is <see cref="EnipUdpModule"/> and class-1 I/O <see cref="EnipIoModule"/>, sharing <see cref="EnipSession"/>.</remarks>
public sealed class EnipModule : IProtocolModule
{
    private static readonly ushort[] Ports = [EnipConstants.Port];

    public ProtocolId Protocol => ProtocolId.Enip;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => true;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => EnipProbe.Recognize(data, direction);

    public IStreamSession? CreateStreamSession() => new EnipSession();

    public IDatagramSession? CreateDatagramSession() => null;
}
