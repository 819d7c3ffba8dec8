using OtSensor.Analysis.Detection;

namespace OtSensor.Outputs.Reports.Model;

/// <summary>One alert from the detection engines, flattened for the report (sensor-reference §9.2 fields).</summary>
public sealed record ReportAlert(
    int Id,
    string TypeId,
    string Title,
    AlertEngine Engine,
    AlertSeverity Severity,
    DateTime Time,
    string Source,
    string Destination,
    int SourceDeviceId,
    int DestinationDeviceId,
    string Message,
    string Remediation,
    string Mitre,
    bool IsOpen,
    string Protocol = "");
