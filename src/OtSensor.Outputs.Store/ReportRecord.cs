namespace OtSensor.Outputs.Store;

/// <summary>A generated (or queued) report and where its PDF and CSV archive are.</summary>
public sealed record ReportRecord(long Id, string Site, long Created, string State, string? Error, string? PdfPath, string? CsvPath);
