namespace OtSensor.Protocols.Iec104;

/// <summary>
/// Stable names of the keys <see cref="Iec104Message.WriteDetails"/> writes and of the stream-level anomalies
/// <see cref="Iec104Session"/> reports (docs/event-log-contract.md: <c>apci</c>, <c>cot</c>, <c>commonAddress</c>).
/// </summary>
public static class Iec104Fields
{
    public const string Apci = "apci";
    public const string Length = "length";
    public const string SendSequence = "sendSeq";
    public const string ReceiveSequence = "recvSeq";
    public const string UType = "uType";
    public const string UTypeName = "uTypeName";
    public const string TypeId = "typeId";
    public const string Sequence = "sq";
    public const string NumberOfObjects = "numObjects";
    public const string Cot = "cot";
    public const string CotName = "cotName";
    public const string Negative = "negative";
    public const string Test = "test";
    public const string Originator = "originator";
    public const string CommonAddress = "commonAddress";
    public const string Objects = "objects";
    public const string Ioa = "ioa";
    public const string Value = "value";
    public const string Quality = "quality";
    public const string Qualifier = "qualifier";
    public const string Select = "select";
    public const string Transient = "transient";
    public const string Time = "time";
    public const string TimeInvalid = "timeInvalid";
    public const string Raw = "raw";
    public const string Body = "body";

    /// <summary>Stream anomaly: an APDU did not start with 0x68; the session skipped to the next plausible start.</summary>
    public const string StreamInvalidStartByte = "invalid_start_byte";

    /// <summary>Stream anomaly: an APDU length byte below 4 or above 253.</summary>
    public const string StreamInvalidLength = "invalid_length";

    /// <summary>Stream anomaly: no APDU found within <see cref="Iec104Constants.MaxResyncBytes"/>; the flow is abandoned.</summary>
    public const string StreamNotIec104 = "not_iec104";
}
