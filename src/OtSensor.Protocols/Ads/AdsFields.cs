namespace OtSensor.Protocols.Ads;

/// <summary>JSON keys of ADS records and stream anomaly names (stable: written to events.jsonl).</summary>
public static class AdsFields
{
    public const string TargetNetId = "targetNetId";
    public const string TargetPort = "targetPort";
    public const string SourceNetId = "sourceNetId";
    public const string SourcePort = "sourcePort";
    public const string StateFlags = "stateFlags";
    public const string DataLength = "dataLength";
    public const string ErrorCode = "errorCode";
    public const string InvokeId = "invokeId";
    public const string Result = "result";
    public const string IndexGroup = "indexGroup";
    public const string IndexOffset = "indexOffset";
    public const string Length = "length";
    public const string WriteLength = "writeLength";
    public const string AdsState = "adsState";
    public const string AdsStateName = "adsStateName";
    public const string DeviceState = "deviceState";
    public const string Handle = "notificationHandle";
    public const string Version = "version";
    public const string DeviceName = "deviceName";
    public const string Discovery = "discoveryService";
    public const string DiscoveryName = "discoveryServiceName";
    public const string NetId = "amsNetId";
    public const string AmsPort = "amsPort";
    public const string TagCount = "tagCount";
    public const string HostName = "hostName";

    /// <summary>Stream anomaly: an impossible AMS/TCP header; bytes skipped to the next plausible one.</summary>
    public const string StreamResync = "resync";

    /// <summary>Stream anomaly: no AMS/TCP header within the resync bound; the session gives up.</summary>
    public const string StreamNotAds = "not_ads";
}
