using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Dnp3;

/// <summary>Registers DNP3 over TCP with the engine (port 20000, and by content on any port).</summary>
/// <remarks>IEEE 1815-2012 Annex E: DNP3 over TCP port 20000. UDP is <see cref="Dnp3UdpModule"/>, sharing the session.</remarks>
public sealed class Dnp3Module : IProtocolModule
{
    private static readonly ushort[] Ports = [Dnp3Constants.DefaultPort];

    public ProtocolId Protocol => ProtocolId.Dnp3;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => true;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => Dnp3Probe.Recognize(data, direction);

    public IStreamSession? CreateStreamSession() => new Dnp3Session();

    public IDatagramSession? CreateDatagramSession() => null;
}
