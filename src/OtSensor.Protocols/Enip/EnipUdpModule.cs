using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Enip;

/// <summary>Registers EtherNet/IP with the engine: UDP port 44818 (ListIdentity and other list commands, often broadcast).</summary>
/// <remarks>Vol. 2 §2-2: UDP 44818 carries whole encapsulation packets, in practice the list commands.</remarks>
public sealed class EnipUdpModule : IProtocolModule
{
    private static readonly ushort[] Ports = [EnipConstants.Port];

    public ProtocolId Protocol => ProtocolId.Enip;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => false;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => EnipProbe.RecognizeDatagram(data, direction);

    public IStreamSession? CreateStreamSession() => null;

    public IDatagramSession? CreateDatagramSession() => new EnipSession();
}
