using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Modbus;

/// <summary>
/// The scalar fields of one ADU, filled by <see cref="ModbusParser"/> and wrapped, together with the frame,
/// by <see cref="ModbusMessage"/>. A plain struct so the parser can build it field by field.
/// Variable parts (values, objects, records) are an offset and length into the frame.
/// </summary>
internal struct ModbusDecoded
{
    public ushort TransactionId;
    public ushort ProtocolIdentifier;
    public ushort LengthField;
    public byte UnitId;
    public byte FunctionRaw;
    public byte ExceptionCode;
    public bool IsResponse;
    public bool Paired;
    public byte RequestFunction;
    public ModbusAnomalies Anomalies;
    public OtOperation Operation;
    public ModbusFieldPresence Present;

    public ushort Address;
    public ushort Quantity;
    public ushort Value;
    public ushort ByteCount;
    public ushort SubFunction;
    public ushort AndMask;
    public ushort OrMask;
    public ushort WriteAddress;
    public ushort WriteQuantity;

    public byte MeiType;
    public byte ReadDeviceIdCode;
    public byte ObjectId;
    public byte ConformityLevel;
    public byte MoreFollows;
    public byte NextObjectId;
    public byte NumberOfObjects;

    public byte UmasSession;
    public byte UmasFunction;
    public byte UmasStatus;

    public ushort FileNumber;
    public ushort RecordNumber;
    public ushort RecordLength;
    public byte SubRequestCount;

    public ushort Status;
    public ushort EventCount;
    public ushort MessageCount;
    public ushort FifoCount;

    /// <summary>Offset of the variable part (register values, coil bits, objects, records, UMAS payload) in the frame.</summary>
    public int DataOffset;
    public int DataLength;

    public readonly bool Has(ModbusFieldPresence field) => (Present & field) != 0;
}
