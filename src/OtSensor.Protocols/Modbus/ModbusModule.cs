using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Modbus;

/// <summary>Registers Modbus/TCP (and UMAS, function 90, inside it) with the engine.</summary>
/// <remarks>Modbus/TCP uses TCP port 502 (Implementation Guide V1.0b §4.1.2). Modbus/TCP Security (TLS, 802) is not decoded.</remarks>
public sealed class ModbusModule : IProtocolModule
{
    private static readonly ushort[] Ports = [ModbusConstants.DefaultPort];

    public ProtocolId Protocol => ProtocolId.Modbus;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => true;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => ModbusProbe.Recognize(data, direction);

    public IStreamSession? CreateStreamSession() => new ModbusSession();

    public IDatagramSession? CreateDatagramSession() => null;
}
