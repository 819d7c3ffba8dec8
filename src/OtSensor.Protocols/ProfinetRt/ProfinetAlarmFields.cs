namespace OtSensor.Protocols.ProfinetRt;

/// <summary>JSON keys of the RTA alarm fields in <c>events.jsonl</c>.</summary>
public static class ProfinetAlarmFields
{
    public const string FrameId = "frameId";
    public const string Priority = "alarmPriority";
    public const string DestinationEndpoint = "alarmDstEndpoint";
    public const string SourceEndpoint = "alarmSrcEndpoint";
    public const string PduType = "rtaPduType";
    public const string PduTypeName = "rtaPduTypeName";
    public const string SendSequence = "sendSeqNum";
    public const string AckSequence = "ackSeqNum";
    public const string VarPartLength = "varPartLen";
    public const string BlockType = "blockType";
    public const string AlarmType = "alarmType";
    public const string AlarmTypeName = "alarmTypeName";
    public const string Api = "api";
    public const string Slot = "slot";
    public const string Subslot = "subslot";
    public const string ModuleIdent = "moduleIdent";
    public const string SubmoduleIdent = "submoduleIdent";
    public const string AlarmSpecifier = "alarmSpecifier";
    public const string PnioStatus = "pnioStatus";
    public const string High = "high";
    public const string Low = "low";
}
