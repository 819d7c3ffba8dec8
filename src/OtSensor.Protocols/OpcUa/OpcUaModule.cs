using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.OpcUa;

/// <summary>Registers the OPC UA binary protocol over TCP (opc.tcp, UA Connection Protocol and Secure Conversation).</summary>
/// <remarks>Port 4840 is the IANA port (Part 6 §7.2); servers on other ports are found by content (<see cref="OpcUaProbe"/>). opc.https and opc.wss are not decoded.</remarks>
public sealed class OpcUaModule : IProtocolModule
{
    private static readonly ushort[] Ports = [OpcUaConstants.DefaultPort];

    public ProtocolId Protocol => ProtocolId.OpcUa;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => true;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => OpcUaProbe.Recognize(data, direction);

    public IStreamSession? CreateStreamSession() => new OpcUaSession();

    public IDatagramSession? CreateDatagramSession() => null;
}
