using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Modbus;

/// <summary>Registers Modbus over UDP with the engine (UDP 502, and by content on any port); records protocol <c>modbus</c>.</summary>
/// <remarks>
/// The MBAP header and PDU are those of Modbus/TCP (Implementation Guide V1.0b §3.1.3, Application Protocol
/// V1.1b3); over UDP each datagram carries exactly one ADU, so there is no framing or resync, only pairing.
/// </remarks>
public sealed class ModbusUdpModule : IProtocolModule
{
    private static readonly ushort[] Ports = [ModbusConstants.DefaultPort];

    public ProtocolId Protocol => ProtocolId.Modbus;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => false;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => ModbusProbe.RecognizeDatagram(data, direction);

    public IStreamSession? CreateStreamSession() => null;

    public IDatagramSession? CreateDatagramSession() => new ModbusUdpSession();
}
