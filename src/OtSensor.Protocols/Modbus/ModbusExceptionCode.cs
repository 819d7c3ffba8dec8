namespace OtSensor.Protocols.Modbus;

/// <summary>Exception codes of an exception response (function code | 0x80).</summary>
/// <remarks>
/// MODBUS Application Protocol Specification V1.1b3 §7 (MODBUS Exception Responses). 0x07 (Negative
/// Acknowledge) is not in V1.1b3 but in the older Modicon PI-MBUS-300 and is still sent by devices;
/// 0x09 and values above 0x0B are undefined and flagged.
/// </remarks>
public enum ModbusExceptionCode : byte
{
    Unknown = 0,
    IllegalFunction = 0x01,
    IllegalDataAddress = 0x02,
    IllegalDataValue = 0x03,
    ServerDeviceFailure = 0x04,
    Acknowledge = 0x05,
    ServerDeviceBusy = 0x06,
    NegativeAcknowledge = 0x07,
    MemoryParityError = 0x08,
    GatewayPathUnavailable = 0x0A,
    GatewayTargetDeviceFailedToRespond = 0x0B,
}
