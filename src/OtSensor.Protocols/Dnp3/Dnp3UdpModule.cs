using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Dnp3;

/// <summary>Registers DNP3 over UDP with the engine (port 20000, and by content on any port).</summary>
/// <remarks>IEEE 1815-2012 Annex E: each UDP datagram carries whole link frames.</remarks>
public sealed class Dnp3UdpModule : IProtocolModule
{
    private static readonly ushort[] Ports = [Dnp3Constants.DefaultPort];

    public ProtocolId Protocol => ProtocolId.Dnp3;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => false;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction)
        => Dnp3Probe.Recognize(data, direction) == ProbeResult.Recognized ? ProbeResult.Recognized : ProbeResult.Unrecognized;

    public IStreamSession? CreateStreamSession() => null;

    public IDatagramSession? CreateDatagramSession() => new Dnp3Session();
}
