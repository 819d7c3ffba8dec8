using OtSensor.Analysis.Detection;

namespace OtSensor.Outputs.Reports.Model;

/// <summary>One timeline event (programming, firmware, start/stop...) with its endpoints as text.</summary>
public sealed record ReportEvent(DateTime Time, TimelineEventType Type, string Content, string Source, string Destination);
