namespace OtSensor.Protocols.ProfinetDcp;

/// <summary>FrameIDs of the DCP PDUs (IEC 61158-6-10 §4.2.2.3, FrameID table).</summary>
public static class ProfinetDcpFrameIds
{
    public const int Hello = 0xFEFC;
    public const int GetSet = 0xFEFD;
    public const int IdentifyRequest = 0xFEFE;
    public const int IdentifyResponse = 0xFEFF;
}
