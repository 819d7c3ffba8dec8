using OtSensor.Protocols.Cotp;
using OtSensor.Protocols.Modbus;
using OtSensor.Protocols.Registry;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.S7CommPlus;

namespace OtSensor.Engine;

/// <summary>The protocol modules every run registers, in probe order.</summary>
public static class DefaultProtocols
{
    public static ProtocolRegistry CreateRegistry() => new([
        new ModbusModule(),
        new CotpModule(() => new S7CommPayloadDecoder(), () => new S7CommPlusPayloadDecoder()),
    ]);
}
