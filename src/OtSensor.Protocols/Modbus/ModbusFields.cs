namespace OtSensor.Protocols.Modbus;

/// <summary>
/// Stable names of the keys <see cref="ModbusMessage.WriteDetails"/> writes, and of the stream-level
/// anomalies <see cref="ModbusSession"/> reports. Declared once, reused by outputs, detectors and UI.
/// </summary>
public static class ModbusFields
{
    public const string TransactionId = "transactionId";
    public const string ProtocolId = "protocolId";
    public const string Length = "length";
    public const string UnitId = "unitId";
    public const string FunctionRaw = "functionRaw";
    public const string Exception = "exception";
    public const string ExceptionName = "exceptionName";
    public const string Paired = "paired";
    public const string RequestFunction = "requestFunction";
    public const string Address = "address";
    public const string Quantity = "quantity";
    public const string ByteCount = "byteCount";
    public const string Value = "value";
    public const string AndMask = "andMask";
    public const string OrMask = "orMask";
    public const string WriteAddress = "writeAddress";
    public const string WriteQuantity = "writeQuantity";
    public const string SubFunction = "subFunction";
    public const string SubFunctionName = "subFunctionName";
    public const string MeiType = "meiType";
    public const string MeiTypeName = "meiTypeName";
    public const string ReadDeviceIdCode = "readDeviceIdCode";
    public const string ObjectId = "objectId";
    public const string ConformityLevel = "conformityLevel";
    public const string MoreFollows = "moreFollows";
    public const string NextObjectId = "nextObjectId";
    public const string NumberOfObjects = "numberOfObjects";
    public const string DeviceIdentification = "deviceIdentification";
    public const string PrivateObjects = "privateObjects";
    public const string UmasSession = "umasSession";
    public const string UmasFunction = "umasFunction";
    public const string UmasFunctionName = "umasFunctionName";
    public const string UmasStatus = "umasStatus";
    public const string FileNumber = "fileNumber";
    public const string RecordNumber = "recordNumber";
    public const string RecordLength = "recordLength";
    public const string SubRequestCount = "subRequestCount";
    public const string Status = "status";
    public const string EventCount = "eventCount";
    public const string MessageCount = "messageCount";
    public const string FifoCount = "fifoCount";
    public const string ServerIdData = "serverIdData";
    public const string OutputData = "outputData";
    public const string Data = "data";
    public const string Id = "id";

    /// <summary>Stream anomaly: bytes skipped to find the next plausible MBAP header after an invalid one.</summary>
    public const string StreamResync = "resync";

    /// <summary>Stream anomaly: the outstanding-request bound was hit; the oldest requests are dropped.</summary>
    public const string StreamRequestFlood = "request_flood";

    /// <summary>Stream anomaly: a resync skipped <see cref="ModbusConstants.MaxResyncBytes"/> bytes; the session gives up.</summary>
    public const string StreamNotModbus = "not_modbus";
}
