namespace OtSensor.Protocols.ProfinetRt;

/// <summary>Wire constants of the PROFINET RT frame layer (IEC 61158-6-10 §4.2: FrameID, RTA alarm PDU).</summary>
public static class ProfinetRtConstants
{
    /// <summary>EtherType of PROFINET RT frames (IEEE registry; IEC 61158-6-10 §4.2.2.2).</summary>
    public const ushort EtherType = 0x8892;

    public const int FrameIdLength = 2;

    public const int AlarmHigh = 0xFC01;
    public const int AlarmLow = 0xFE01;

    /// <summary>AlarmDstEndpoint, AlarmSrcEndpoint, PDUType, AddFlags, SendSeqNum, AckSeqNum, VarPartLen.</summary>
    public const int RtaHeaderLength = 12;

    public const int RtaData = 1;
    public const int RtaNack = 2;
    public const int RtaAck = 3;
    public const int RtaError = 4;

    /// <summary>BlockType, BlockLength, BlockVersionHigh, BlockVersionLow.</summary>
    public const int BlockHeaderLength = 6;

    /// <summary>AlarmNotification: block header, AlarmType, API, Slot, Subslot, ModuleIdent, SubmoduleIdent, AlarmSpecifier.</summary>
    public const int AlarmNotificationFixedLength = BlockHeaderLength + 2 + 4 + 2 + 2 + 4 + 4 + 2;

    /// <summary>AlarmAck: block header, AlarmType, API, Slot, Subslot, AlarmSpecifier, PNIOStatus.</summary>
    public const int AlarmAckFixedLength = BlockHeaderLength + 2 + 4 + 2 + 2 + 2 + 4;
}
