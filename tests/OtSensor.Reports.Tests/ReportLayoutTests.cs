using UglyToad.PdfPig;

namespace OtSensor.Reports.Tests;

/// <summary>Layout: page count grows with devices, no letter leaves the printable area, tables repeat their headers.</summary>
public sealed class ReportLayoutTests
{
    [Fact]
    public void Render_MoreDevices_MorePages()
    {
        int small = Pages(ReportHarness.Render(ReportHarness.Build(SyntheticSite.Create(50))));
        int large = Pages(ReportHarness.Render(ReportHarness.Build(SyntheticSite.Create(1000))));
        // The inventory appendix alone prints at most ~75 rows a page: 950 more devices need at least 12 more pages.
        Assert.True(large >= small + 12, $"{small} pages for 50 devices, {large} for 1000");
    }

    [Theory]
    [InlineData(8)]
    [InlineData(400)]
    public void Render_LongValues_NoLetterOutsideMargins(int devices)
    {
        var site = SyntheticSite.WithRisks(SyntheticSite.Create(devices));
        // Worst-case strings: long names without spaces, long firmware text, a long site name.
        var stretched = site.Devices.Select((d, i) => i % 3 == 0
            ? d with { Name = "Very-Long-Device-Name-Without-Any-Spaces-" + new string('X', 80), Firmware = "V4.2.3 build 2024-01-01 " + new string('9', 60) }
            : d).ToList();
        var input = new OtSensor.Outputs.Reports.Model.ReportInput
        {
            Site = "Plant " + new string('W', 120), Sensor = site.Sensor, CaptureStart = site.CaptureStart, CaptureEnd = site.CaptureEnd,
            DetectionRan = true, Devices = stretched, Connections = site.Connections, Alerts = site.Alerts, Events = site.Events,
        };
        var pdf = ReportHarness.Render(ReportHarness.Build(input));
        using var document = PdfDocument.Open(pdf);
        const double tolerance = 1.0, Margin = 42;
        foreach (var page in document.GetPages())
        {
            foreach (var letter in page.Letters)
            {
                var box = letter.BoundingBox;
                if (box.Width <= 0 && box.Height <= 0) continue;
                Assert.True(box.Left >= Margin - tolerance && box.Right <= page.Width - Margin + tolerance
                    && box.Bottom >= 30 - tolerance && box.Top <= page.Height - 30 + tolerance,
                    $"page {page.Number}: '{letter.Value}' at {box.Left:0.#},{box.Bottom:0.#}-{box.Right:0.#},{box.Top:0.#} leaves the printable area");
            }
        }
    }

    [Fact]
    public void Render_InventorySpanningPages_RepeatsHeaderOnEachPage()
    {
        var pdf = ReportHarness.Render(ReportHarness.Build(SyntheticSite.Create(300)));
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        int appendix = pages.FindIndex(p => p.Text.Contains("Appendix: device inventory", StringComparison.Ordinal));
        Assert.True(appendix > 0);
        var inventoryPages = pages.Skip(appendix).ToList();
        Assert.True(inventoryPages.Count >= 3);
        foreach (var page in inventoryPages)
        {
            var words = page.GetWords().Select(w => w.Text).ToList();
            Assert.Contains("Firmware", words);
            Assert.Contains("Protocols", words);
        }
    }

    private static int Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }
}
