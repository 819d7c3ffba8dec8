namespace OtSensor.Analysis.Detection;

/// <summary>The event types the engines emit, a subset of the sensor API's enumeration (sensor-reference §9.2).</summary>
/// <remarks>API strings and titles are in <see cref="TimelineEventNames"/>.</remarks>
public enum TimelineEventType : byte
{
    DeviceCreate,
    AlertReported,
    ProgramDevice,
    ProgramUploadDevice,
    FirmwareUpdate,
    FirmwareChanged,
    PlcStart,
    ControllerStop,
    ControllerReset,
    S7PlcModeChange,
    PlcOperatingModeChanged,
    BackToNormal,
    InternetAccess,
    DeviceConnectionCreated,
    ConfigurationChange,
    ConfigurationRead,
}
