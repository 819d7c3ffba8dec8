namespace OtSensor.Protocols.ProfinetRt;

/// <summary>Stream anomaly names of the PROFINET RT frame layer.</summary>
public static class ProfinetRtFields
{
    /// <summary>An EtherType 0x8892 frame without a whole FrameID.</summary>
    public const string FrameTooShort = "rt_frame_too_short";
}
