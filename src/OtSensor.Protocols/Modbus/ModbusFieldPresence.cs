namespace OtSensor.Protocols.Modbus;

/// <summary>Which optional fields of <see cref="ModbusDecoded"/> were on the wire (or came from the paired request).</summary>
[Flags]
internal enum ModbusFieldPresence : uint
{
    None = 0,
    Address = 1 << 0,
    Quantity = 1 << 1,
    Value = 1 << 2,
    ByteCount = 1 << 3,
    SubFunction = 1 << 4,
    Masks = 1 << 5,
    WriteRange = 1 << 6,
    Mei = 1 << 7,
    DeviceIdRequest = 1 << 8,
    DeviceIdResponse = 1 << 9,
    UmasSession = 1 << 10,
    UmasFunction = 1 << 11,
    UmasStatus = 1 << 12,
    FileRecord = 1 << 13,
    SubRequests = 1 << 20,
    EventCounter = 1 << 14,
    EventLog = 1 << 15,
    FifoCount = 1 << 16,
    Data = 1 << 17,
    ServerId = 1 << 18,
    OutputData = 1 << 19,
}
