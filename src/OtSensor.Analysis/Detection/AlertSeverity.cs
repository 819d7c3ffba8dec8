namespace OtSensor.Analysis.Detection;

/// <summary>The OT sensor's four alert severities, lowest first (sensor-reference §9.2 <c>severity</c>).</summary>
public enum AlertSeverity : byte
{
    Warning,
    Minor,
    Major,
    Critical,
}
