namespace OtSensor.Outputs.Reports.Model;

/// <summary>One table of the report, exported as CSV and JSON and printed in the PDF from the same rows.</summary>
/// <remarks><see cref="Widths"/> are relative column widths for the PDF (the page width is shared in proportion).</remarks>
public sealed record ReportTable(string Key, string Title, IReadOnlyList<string> Headers, IReadOnlyList<double> Widths, IReadOnlyList<string[]> Rows);
