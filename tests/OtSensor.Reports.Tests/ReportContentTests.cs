using System.Globalization;
using OtSensor.Outputs.Reports.Model;
using OtSensor.Outputs.Reports.Pdf;
using OtSensor.Outputs.Reports.Risk;
using OtSensor.TestKit;
using UglyToad.PdfPig;

namespace OtSensor.Reports.Tests;

/// <summary>Reports from real and simulated captures: every device address, every finding title and the score are in the PDF text.</summary>
public sealed class ReportContentTests
{
    [Fact]
    public void Render_DemoCapture_ContainsEveryDeviceFindingAndScore()
    {
        var input = ReportHarness.Analyze(ReportHarness.DemoCapture);
        Assert.NotEmpty(input.Devices);
        AssertComplete(input);
    }

    [Theory]
    [InlineData("plc-programming.pcapng")]
    [InlineData("plc-stop.pcapng")]
    [InlineData("recon.pcapng")]
    public void Render_SimulatedScenario_ContainsEveryDeviceFindingAndScore(string scenario)
    {
        var input = ReportHarness.Analyze(ReportHarness.Simulated(scenario));
        Assert.NotEmpty(input.Devices);
        var model = AssertComplete(input);
        if (scenario == "plc-programming.pcapng") Assert.Contains(model.Findings, f => f.Kind == FindingKind.ProgrammingEvents);
    }

    [Theory]
    [InlineData("modbus", "ICS-Security-Tools__modbus_test_data_part1.pcap")]
    [InlineData("s7comm", "ICS-Security-Tools__s7comm_downloading_block_db1.pcap")]
    [InlineData("enip-cip", "ICS-Security-Tools__EIP-FirmwareChangeFailure.pcap")]
    public void Render_PublicCapture_ContainsEveryDeviceFindingAndScore(string family, string file)
    {
        var path = Path.Combine(SharedCaptures.PublicFolder(family), file);
        var input = ReportHarness.Analyze(path);
        Assert.NotEmpty(input.Devices);
        AssertComplete(input);
    }

    [Fact]
    public void Render_SyntheticSiteWithRisks_ListsVulnerableDeviceAndEverySection()
    {
        var model = ReportHarness.Build(SyntheticSite.WithRisks(SyntheticSite.Create(120)));
        Assert.Contains(model.Findings, f => f.Kind == FindingKind.KnownVulnerabilities);
        var (text, _) = ReportHarness.Read(ReportHarness.Render(model));
        foreach (var section in new[] { "Executive summary", "Top findings and mitigation", "Vulnerable devices", "Unauthorized and new devices",
            "Insecure protocols and credentials", "Internet connections", "Connections crossing subnets and Purdue levels", "Devices talking to many PLCs",
            "Programming and operational events", "Alerts by engine and severity", "Network map", "Appendix: device inventory" })
            Assert.Contains(section, text, StringComparison.Ordinal);
        Assert.Contains("CVE-2022-38465", text, StringComparison.Ordinal);
        Assert.Contains("203.0.113.50", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Document_HasBookmarksPropertiesAndPageNumbers()
    {
        var pdf = ReportHarness.Render(ReportHarness.Build(SyntheticSite.WithRisks(SyntheticSite.Create(40))));
        using var document = PdfDocument.Open(pdf);
        Assert.True(document.TryGetBookmarks(out var bookmarks));
        var titles = bookmarks.GetNodes().Select(n => n.Title).ToList();
        Assert.Contains("Executive summary", titles);
        Assert.Contains("Network map", titles);
        Assert.Contains("Appendix: device inventory", titles);
        Assert.StartsWith("OT risk assessment", document.Information.Title, StringComparison.Ordinal);
        Assert.Equal("OtSensor", document.Information.Creator);
        int total = document.NumberOfPages;
        foreach (var page in document.GetPages())
            Assert.Contains($"Page {page.Number} of {total}", string.Join(" ", page.GetWords().Select(w => w.Text)), StringComparison.Ordinal);
    }

    private static ReportModel AssertComplete(ReportInput input)
    {
        var model = ReportHarness.Build(input);
        var (text, pages) = ReportHarness.Read(ReportHarness.Render(model));
        Assert.True(pages >= 5, $"only {pages} pages");
        foreach (var device in input.Devices) Assert.Contains(device.Address, text, StringComparison.Ordinal);
        foreach (var finding in model.Findings) Assert.Contains(finding.Title, text, StringComparison.Ordinal);
        Assert.Contains(RiskAssessment.Points(model.Score) + " %", text, StringComparison.Ordinal);
        Assert.Contains(model.Band, text, StringComparison.Ordinal);
        return model;
    }
}
