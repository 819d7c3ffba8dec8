using OtSensor.Protocols.ProfinetDcp;

namespace OtSensor.Protocols.ProfinetRt;

/// <summary>Classifies a FrameID into a <see cref="ProfinetFrameKind"/>.</summary>
/// <remarks>
/// IEC 61158-6-10 §4.2.2.3 FrameID table: 0x0100–0x7FFF RT_CLASS_3, 0x8000–0xBFFF RT_CLASS_2, 0xC000–0xFBFF
/// RT_CLASS_1 / RT_CLASS_UDP, 0xFC01 alarm high, 0xFE01 alarm low, 0xFEFC–0xFEFF DCP, 0xFF00–0xFF8F PTCP and
/// fragmentation. 0x0000–0x00FF hold the PTCP synchronisation frames.
/// </remarks>
public static class ProfinetFrameIds
{
    public static ProfinetFrameKind Classify(int frameId) => frameId switch
    {
        <= 0x00FF => ProfinetFrameKind.TimeSync,
        <= 0x7FFF => ProfinetFrameKind.CyclicIrt,
        <= 0xBFFF => ProfinetFrameKind.CyclicClass2,
        <= 0xFBFF => ProfinetFrameKind.CyclicClass1,
        ProfinetRtConstants.AlarmHigh => ProfinetFrameKind.AlarmHigh,
        ProfinetRtConstants.AlarmLow => ProfinetFrameKind.AlarmLow,
        >= ProfinetDcpFrameIds.Hello and <= ProfinetDcpFrameIds.IdentifyResponse => ProfinetFrameKind.Dcp,
        >= 0xFF00 and <= 0xFF8F => ProfinetFrameKind.OtherAcyclic,
        _ => ProfinetFrameKind.Reserved,
    };
}
