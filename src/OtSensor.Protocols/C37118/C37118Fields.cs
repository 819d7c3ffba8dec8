namespace OtSensor.Protocols.C37118;

/// <summary>JSON keys of synchrophasor records and stream anomaly names (stable: written to events.jsonl).</summary>
public static class C37118Fields
{
    public const string Version = "version";
    public const string FrameSize = "frameSize";
    public const string IdCode = "idcode";
    public const string Soc = "soc";
    public const string TimeQuality = "timeQuality";
    public const string FractionOfSecond = "fracsec";
    public const string Checksum = "chk";
    public const string Command = "command";
    public const string CommandName = "commandName";
    public const string TimeBase = "timeBase";
    public const string NumPmu = "numPmu";
    public const string Station = "station";
    public const string PmuIdCode = "pmuIdcode";
    public const string ConfigChangeCount = "configChangeCount";
    public const string DataRate = "dataRate";

    /// <summary>Stream anomaly: bytes that do not start a frame (no SYNC, or a frame whose CHK fails) were skipped.</summary>
    public const string StreamResync = "resync";

    /// <summary>Stream anomaly: no frame within <see cref="C37118Constants.MaxResyncBytes"/>; the session gives up.</summary>
    public const string StreamNotC37118 = "not_c37118";
}
