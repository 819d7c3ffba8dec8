using System.Diagnostics;
using OtSensor.Outputs.Reports.Exports;
using OtSensor.Outputs.Reports.Pdf;
using OtSensor.Outputs.Reports.Risk;

namespace OtSensor.Reports.Tests;

/// <summary>The 5,000-device report: built and rendered in under 10 s with the process under 1 GB (issue 9, Must show 4).</summary>
/// <remarks>
/// Set OTSENSOR_REPORT_SAMPLES to a folder to keep the PDFs (the README's page images are rendered from them with
/// pdftoppm).
/// </remarks>
public sealed class ReportScaleTests
{
    [Fact]
    public void Render_5000Devices_Under10SecondsAndUnder1GB()
    {
        var input = SyntheticSite.WithRisks(SyntheticSite.Create(5000));
        // Warm once on a small site so JIT and font loading are not billed to the large report.
        ReportHarness.Render(RiskAssessment.Build(SyntheticSite.Create(20)));

        var clock = Stopwatch.StartNew();
        var model = RiskAssessment.Build(input);
        using var pdf = new MemoryStream();
        PdfReportRenderer.Render(model, pdf);
        clock.Stop();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        long peak = self.PeakWorkingSet64;

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"5,000-device report took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(peak < 1L << 30, $"peak working set {peak >> 20} MiB");
        var (text, pages) = ReportHarness.Read(pdf.ToArray());
        Assert.True(pages > 60, $"{pages} pages");
        foreach (var device in input.Devices) Assert.Contains(device.Address, text, StringComparison.Ordinal);
        Console.WriteLine($"report-scale: {input.Devices.Count} devices, {input.Connections.Count} connections, {model.Findings.Count} findings, {pages} pages, {pdf.Length / 1024} KiB, {clock.Elapsed.TotalSeconds:0.00} s, peak working set {peak >> 20} MiB");

        if (Environment.GetEnvironmentVariable("OTSENSOR_REPORT_SAMPLES") is { Length: > 0 } samples)
        {
            Directory.CreateDirectory(samples);
            File.WriteAllBytes(Path.Combine(samples, "synthetic-5000.pdf"), pdf.ToArray());
            File.WriteAllBytes(Path.Combine(samples, "synthetic-60.pdf"), ReportHarness.Render(RiskAssessment.Build(SyntheticSite.WithRisks(SyntheticSite.Create(60)))));
        }
    }

    [Fact]
    public void Write_Exports_CsvRowsMatchTables()
    {
        var model = RiskAssessment.Build(SyntheticSite.WithRisks(SyntheticSite.Create(60)));
        var folder = Directory.CreateTempSubdirectory("otsensor-exports-").FullName;
        try
        {
            var files = ReportExports.Write(model, folder);
            Assert.Contains(files, f => f.EndsWith("score.json", StringComparison.Ordinal));
            foreach (var table in model.Tables.Values)
            {
                var lines = File.ReadAllLines(Path.Combine(folder, table.Key + ".csv"));
                Assert.Equal(table.Rows.Count + 1, lines.Length);
                using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, table.Key + ".json")));
                Assert.Equal(table.Rows.Count, json.RootElement.GetArrayLength());
            }
            using var score = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "score.json")));
            Assert.Equal(model.Score, score.RootElement.GetProperty("score").GetDouble(), 2);
            Assert.Equal(model.Findings.Count, score.RootElement.GetProperty("mitigation").GetArrayLength());
            var api = Path.Combine(folder, "api", "v1", "reports", "vulnerabilities");
            using var devices = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(api, "devices.json")));
            var siemens = Assert.Single(devices.RootElement.EnumerateArray(), d => d.GetProperty("vendor").GetString() == "Siemens");
            Assert.Contains(siemens.GetProperty("vulnerabilities").GetProperty("cves").EnumerateArray(), c => c.GetProperty("id").GetString() == "CVE-2022-38465");
            Assert.Contains(devices.RootElement.EnumerateArray(), d => d.GetProperty("vulnerabilities").GetProperty("isUnauthorized").GetBoolean());
            using var security = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(api, "security.json")));
            Assert.Equal("203.0.113.50", security.RootElement.GetProperty("internetConnections")[0].GetProperty("externalAddresses")[0].GetString());
            using var mitigation = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(api, "mitigation.json")));
            Assert.Equal(model.Findings[0].Gain, mitigation.RootElement.GetProperty("mitigation")[0].GetProperty("scoreImprovement").GetDouble(), 2);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
