namespace OtSensor.Protocols.ProfinetRt;

/// <summary>What <see cref="ProfinetAlarmParser"/> found in one RTA PDU; -1 means "absent".</summary>
internal struct ProfinetAlarmDecoded
{
    public ProfinetAlarmAnomalies Anomalies;
    public int FrameId;
    public int DestinationEndpoint;
    public int SourceEndpoint;
    public int PduType;
    public int Version;
    public int AddFlags;
    public int SendSequence;
    public int AckSequence;
    public int VarPartLength;
    public int BlockType;
    public int AlarmType;
    public long Api;
    public int Slot;
    public int Subslot;
    public long ModuleIdent;
    public long SubmoduleIdent;
    public int AlarmSpecifier;
    public long PnioStatus;

    public static ProfinetAlarmDecoded Empty() => new()
    {
        FrameId = -1, DestinationEndpoint = -1, SourceEndpoint = -1, PduType = -1, Version = -1, AddFlags = -1,
        SendSequence = -1, AckSequence = -1, VarPartLength = -1, BlockType = -1, AlarmType = -1, Api = -1,
        Slot = -1, Subslot = -1, ModuleIdent = -1, SubmoduleIdent = -1, AlarmSpecifier = -1, PnioStatus = -1,
    };
}
