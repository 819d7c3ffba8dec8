namespace OtSensor.Protocols.ProfinetCm;

/// <summary>JSON keys of the PNIO-CM fields in <c>events.jsonl</c> and its stream anomaly names.</summary>
public static class PnioCmFields
{
    public const string PacketType = "packetType";
    public const string PacketTypeName = "packetTypeName";
    public const string Sequence = "sequence";
    public const string Interface = "interface";
    public const string Opnum = "opnum";
    public const string LittleEndian = "littleEndian";
    public const string FragmentNumber = "fragmentNumber";
    public const string Fragments = "fragments";
    public const string BodyLength = "bodyLength";
    public const string ArgsMaximum = "argsMaximum";
    public const string ArgsLength = "argsLength";
    public const string PnioStatus = "pnioStatus";
    public const string FaultStatus = "faultStatus";
    public const string Blocks = "blocks";
    public const string BlockType = "blockType";
    public const string BlockName = "name";
    public const string ControlCommand = "controlCommand";
    public const string ControlCommandNames = "controlCommandNames";
    public const string RecordIndex = "recordIndex";
    public const string RecordDataLength = "recordDataLength";
    public const string Api = "api";
    public const string Slot = "slot";
    public const string Subslot = "subslot";
    public const string WriteCount = "writeCount";
    public const string ArType = "arType";
    public const string InitiatorStationName = "initiatorStationName";
    public const string IocrCount = "iocrCount";

    /// <summary>Stream anomaly: a datagram on a PNIO-CM flow that is not a connectionless RPC header.</summary>
    public const string NotRpc = "not_dce_rpc";
}
