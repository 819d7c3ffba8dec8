namespace OtSensor.Protocols.Modbus;

/// <summary>Public function codes of Modbus, plus the Schneider UMAS code.</summary>
/// <remarks>
/// MODBUS Application Protocol Specification V1.1b3 §5.1 (public function code definitions) and §6.
/// 65–72 and 100–110 are user-defined (§5.1); 90 (0x5A) carries Schneider's UMAS and is recognised here.
/// </remarks>
public enum ModbusFunctionCode : byte
{
    Unknown = 0,
    ReadCoils = 0x01,
    ReadDiscreteInputs = 0x02,
    ReadHoldingRegisters = 0x03,
    ReadInputRegisters = 0x04,
    WriteSingleCoil = 0x05,
    WriteSingleRegister = 0x06,
    ReadExceptionStatus = 0x07,
    Diagnostics = 0x08,
    GetCommEventCounter = 0x0B,
    GetCommEventLog = 0x0C,
    WriteMultipleCoils = 0x0F,
    WriteMultipleRegisters = 0x10,
    ReportServerId = 0x11,
    ReadFileRecord = 0x14,
    WriteFileRecord = 0x15,
    MaskWriteRegister = 0x16,
    ReadWriteMultipleRegisters = 0x17,
    ReadFifoQueue = 0x18,
    EncapsulatedInterfaceTransport = 0x2B,
    Umas = 0x5A,
}
