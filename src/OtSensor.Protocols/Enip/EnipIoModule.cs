using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Enip;

/// <summary>Registers EtherNet/IP with the engine: UDP port 2222 (class-1 implicit I/O), and by content on any port.</summary>
/// <remarks>Vol. 2 §3-3.4: each datagram is a CPF with a sequenced address item (connection id, sequence number) and connected data.</remarks>
public sealed class EnipIoModule : IProtocolModule
{
    private static readonly ushort[] Ports = [EnipConstants.IoPort];

    public ProtocolId Protocol => ProtocolId.Enip;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => false;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => EnipProbe.RecognizeIo(data, direction);

    public IStreamSession? CreateStreamSession() => null;

    public IDatagramSession? CreateDatagramSession() => new EnipSession(io: true);
}
