namespace OtSensor.Analysis.Detection;

/// <summary>
/// The sensor API's <c>type</c> string, <c>title</c> and <c>severity</c> (INFO, NOTICE, ALERT) of each
/// <see cref="TimelineEventType"/>, verbatim from sensor-reference §9.2's enumeration.
/// </summary>
public static class TimelineEventNames
{
    private static readonly (string Type, string Title, string Severity)[] Names =
    [
        ("DEVICE_CREATE", "Device Detected", "INFO"),
        ("ALERT_REPORTED", "Alert Detected", "ALERT"),
        ("PROGRAM_DEVICE", "PLC Programming", "NOTICE"),
        ("PROGRAM_UPLOAD_DEVICE", "PLC Program Upload", "NOTICE"),
        ("FIRMWARE_UPDATE", "Firmware Update", "NOTICE"),
        ("FIRMWARE_CHANGED", "PLC Firmware Changed", "NOTICE"),
        ("PLC_START", "PLC Start", "NOTICE"),
        ("ENIP_CONTROLLER_GENERIC_STOP", "Controller Stop", "NOTICE"),
        ("ENIP_CONTROLLER_GENERIC_RESET", "Controller Reset", "NOTICE"),
        ("S7_PLC_MODE_CHANGE", "PLC Mode Change", "NOTICE"),
        ("PLC_OPERATING_MODE_CHANGED", "PLC Operating Mode Change Detected", "NOTICE"),
        ("BACK_TO_NORMAL", "Back to Normal", "INFO"),
        ("INTERNET_ACCESS", "Internet Access", "NOTICE"),
        ("DEVICE_CONNECTION_CREATED", "Device Connection Detected", "INFO"),
        ("CONFIGURATION_CHANGE", "PLC Configuration Write", "NOTICE"),
        ("CONFIGURATION_READ", "PLC Configuration Read", "INFO"),
    ];

    public static string Type(TimelineEventType type) => Names[(int)type].Type;
    public static string Title(TimelineEventType type) => Names[(int)type].Title;
    public static string Severity(TimelineEventType type) => Names[(int)type].Severity;
}
