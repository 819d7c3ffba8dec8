namespace OtSensor.Analysis.Detection;

/// <summary>The five detection engines of the sensor's catalogue (sensor-reference §3.1).</summary>
/// <remarks>Their display names (<see cref="AlertNames.Engine"/>) are the sensor API's <c>engine</c> strings (§9.2).</remarks>
public enum AlertEngine : byte
{
    ProtocolViolation,
    PolicyViolation,
    Anomaly,
    Malware,
    Operational,
}
