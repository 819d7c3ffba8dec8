using OtSensor.Engine;
using OtSensor.Outputs.Files;
using OtSensor.Outputs.Reports.Model;
using OtSensor.Outputs.Reports.Pdf;
using OtSensor.Outputs.Reports.Risk;
using UglyToad.PdfPig;

namespace OtSensor.Reports.Tests;

/// <summary>Runs captures through the engine into a report input, renders PDFs in memory, reads them back with PdfPig.</summary>
internal static class ReportHarness
{
    public static string RepoRoot { get; } = FindRoot();

    public static string DemoCapture => Path.Combine(RepoRoot, "pcaps", "demo", "modbus-plant.pcap");

    public static string Simulated(string name) => Path.Combine(RepoRoot, "pcaps", "simulated", name);

    public static ReportInput Analyze(params string[] captures)
    {
        var folder = Directory.CreateTempSubdirectory("otsensor-report-").FullName;
        try
        {
            using var log = EventLogWriter.Create(folder, false);
            using var analyzer = new CaptureAnalyzer(new EngineOptions(), log);
            var summary = analyzer.Run(captures);
            return ReportInputBuilder.From(analyzer.Inventory, analyzer.Detection, summary, "Test site", "test-sensor", captures);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static byte[] Render(ReportModel model)
    {
        using var stream = new MemoryStream();
        PdfReportRenderer.Render(model, stream);
        return stream.ToArray();
    }

    /// <summary>All page texts joined (PdfPig's word extraction; words separated by spaces).</summary>
    public static (string Text, int Pages) Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var text = new System.Text.StringBuilder();
        foreach (var page in document.GetPages()) text.AppendLine(string.Join(" ", page.GetWords().Select(w => w.Text)));
        return (text.ToString(), document.NumberOfPages);
    }

    public static ReportModel Build(ReportInput input) => RiskAssessment.Build(input);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OtSensor.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("OtSensor.sln was not found above the test binary.");
    }
}
