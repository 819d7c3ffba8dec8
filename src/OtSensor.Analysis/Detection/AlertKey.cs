namespace OtSensor.Analysis.Detection;

/// <summary>What makes two detections the same alert: type, source and destination (sensor-reference §3.7).</summary>
public readonly record struct AlertKey(int Type, AlertEndpoint Source, AlertEndpoint Destination);
