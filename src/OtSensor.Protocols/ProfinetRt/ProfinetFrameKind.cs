namespace OtSensor.Protocols.ProfinetRt;

/// <summary>What a PROFINET FrameID says the frame carries (IEC 61158-6-10 §4.2.2.3, FrameID ranges).</summary>
public enum ProfinetFrameKind : byte
{
    /// <summary>A reserved FrameID.</summary>
    Reserved,

    /// <summary>0x0000–0x00FF: PTCP time synchronisation (RTSync, FollowUp, Delay), decoded by no one here.</summary>
    TimeSync,

    /// <summary>0x0100–0x7FFF: RT_CLASS_3 isochronous (IRT) cyclic data.</summary>
    CyclicIrt,

    /// <summary>0x8000–0xBFFF: RT_CLASS_2 cyclic data.</summary>
    CyclicClass2,

    /// <summary>0xC000–0xFBFF: RT_CLASS_1 cyclic data (RT_CLASS_UDP uses the same range over UDP).</summary>
    CyclicClass1,

    /// <summary>0xFC01: acyclic alarm, high priority.</summary>
    AlarmHigh,

    /// <summary>0xFE01: acyclic alarm, low priority.</summary>
    AlarmLow,

    /// <summary>0xFEFC–0xFEFF: DCP Hello, Get/Set, Identify request, Identify response.</summary>
    Dcp,

    /// <summary>0xFF00–0xFF7F: PTCP announce/delay and other acyclic services; 0xFF80–0xFF8F: fragments.</summary>
    OtherAcyclic,
}
