namespace OtSensor.Protocols.HartIp;

/// <summary>JSON keys of HART-IP records and stream anomaly names (stable: they are written to events.jsonl).</summary>
public static class HartIpFields
{
    public const string Version = "version";
    public const string MessageType = "messageType";
    public const string MessageTypeName = "messageTypeName";
    public const string Status = "status";
    public const string Sequence = "sequence";
    public const string ByteCount = "byteCount";
    public const string MasterType = "masterType";
    public const string InactivityTimer = "inactivityCloseTimer";
    public const string Delimiter = "delimiter";
    public const string FrameType = "frameType";
    public const string Address = "address";
    public const string Command = "command";
    public const string CommandName = "commandName";
    public const string ExtendedCommand = "extendedCommand";
    public const string HartByteCount = "hartByteCount";
    public const string ResponseCode = "responseCode";
    public const string DeviceStatus = "deviceStatus";
    public const string ExtendedStatus = "extendedDeviceStatus";
    public const string CommandCount = "commandCount";
    public const string Data = "data";
    public const string ManufacturerId = "manufacturerId";
    public const string ExpandedDeviceType = "expandedDeviceType";
    public const string HartRevision = "hartRevision";
    public const string DeviceRevision = "deviceRevision";
    public const string SoftwareRevision = "softwareRevision";
    public const string HardwareRevision = "hardwareRevision";
    public const string DeviceId = "deviceId";
    public const string LongTag = "longTag";

    /// <summary>Stream anomaly: an impossible header; bytes skipped to the next plausible one.</summary>
    public const string StreamInvalidHeader = "invalid_header";

    /// <summary>Stream anomaly: no HART-IP header found within <see cref="HartIpConstants.MaxResyncBytes"/>; the session gives up.</summary>
    public const string StreamNotHartIp = "not_hart_ip";
}
