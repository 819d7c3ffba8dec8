using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Snmp;

/// <summary>Registers SNMP (UDP 161 agent, 162 notifications; RFC 3417 §2) with the engine, recognised by content on any port.</summary>
public sealed class SnmpModule : IProtocolModule
{
    private static readonly ushort[] Ports = [SnmpConstants.AgentPort, SnmpConstants.TrapPort];

    public ProtocolId Protocol => ProtocolId.Snmp;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => false;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => SnmpProbe.Recognize(data);

    public IStreamSession? CreateStreamSession() => null;

    public IDatagramSession? CreateDatagramSession() => new SnmpSession();
}
