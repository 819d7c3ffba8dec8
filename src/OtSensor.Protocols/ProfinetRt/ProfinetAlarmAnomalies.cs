namespace OtSensor.Protocols.ProfinetRt;

/// <summary>What was wrong with one RTA alarm PDU (FrameID 0xFC01/0xFE01). The record is still emitted.</summary>
[Flags]
public enum ProfinetAlarmAnomalies : ulong
{
    None = 0,

    /// <summary>Fewer than the 12 RTA header octets after the FrameID.</summary>
    Truncated = 1UL << 0,

    /// <summary>VarPartLen runs past the frame.</summary>
    VarPartBeyondFrame = 1UL << 1,

    /// <summary>PDUType other than DATA, NACK, ACK, ERR (1–4), or a version other than 1.</summary>
    BadPduType = 1UL << 2,

    /// <summary>A DATA PDU whose AlarmNotification or AlarmAck block is cut, or whose BlockLength lies.</summary>
    BlockMalformed = 1UL << 3,

    /// <summary>A DATA PDU whose block is neither AlarmNotification (0x0001/0x0002) nor AlarmAck (0x8001/0x8002).</summary>
    UnexpectedBlock = 1UL << 4,
}
