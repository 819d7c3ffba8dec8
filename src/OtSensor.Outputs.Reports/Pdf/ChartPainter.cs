using System.Globalization;
using OtSensor.Analysis.Detection;
using PdfSharp.Drawing;
using ScottPlot;

namespace OtSensor.Outputs.Reports.Pdf;

/// <summary>The report's charts: drawn by ScottPlot into small PNGs and placed on the page; the caller prints each
/// chart's values as a table beside it, so the numbers stay text (searchable, extractable).</summary>
/// <remarks>
/// Images are 900 × 300 px or smaller: PDFsharp's PNG import costs grow with pixels (platform-notes: 0.1–0.8 s for
/// large ones), and at ~170 dpi on the page they stay sharp in print.
/// </remarks>
internal static class ChartPainter
{
    private static readonly string[] SeverityHex = ["#9E9E9E", "#F2C14E", "#E67E22", "#C0392B"];

    public static XColor BandColor(double score) => score > 90 ? XColor.FromArgb(0x2E, 0x8B, 0x57) : score >= 70 ? XColor.FromArgb(0xE6, 0x9F, 0x00) : XColor.FromArgb(0xC0, 0x39, 0x2B);

    private static string BandHex(double score) => score > 90 ? "#2E8B57" : score >= 70 ? "#E69F00" : "#C0392B";

    /// <summary>Horizontal 0–100 bars, one per label, coloured by the score band.</summary>
    public static void ScoreBars(PageFlow flow, IReadOnlyList<string> labels, IReadOnlyList<double> values)
    {
        var plot = new Plot();
        var bars = new List<Bar>(labels.Count);
        var ticks = new List<Tick>(labels.Count);
        for (int i = 0; i < labels.Count; i++)
        {
            double position = labels.Count - 1 - i;
            double v = Math.Clamp(values[i], 0, 100);
            bars.Add(new Bar { Position = position, Value = v, FillColor = Color.FromHex(BandHex(v)), Label = v.ToString("0.#", CultureInfo.InvariantCulture) + " %" });
            ticks.Add(new Tick(position, labels[i]));
        }
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plottable.ValueLabelStyle.FontSize = 16;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = 16;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Bottom.Label.Text = "Score (%)";
        plot.Axes.Bottom.Label.FontSize = 14;
        plot.Axes.SetLimits(0, 110, -0.6, labels.Count - 0.4);
        Place(flow, plot, 900, 34 * labels.Count + 80);
    }

    /// <summary>Vertical columns stacked by severity (Warning at the bottom), one per label, with a legend.</summary>
    public static void SeverityColumns(PageFlow flow, IReadOnlyList<string> labels, IReadOnlyList<int[]> counts)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        var ticks = new List<Tick>(labels.Count);
        for (int i = 0; i < labels.Count; i++)
        {
            double stack = 0;
            for (int s = 0; s < 4; s++)
            {
                if (counts[i][s] == 0) continue;
                bars.Add(new Bar { Position = i, ValueBase = stack, Value = stack + counts[i][s], FillColor = Color.FromHex(SeverityHex[s]) });
                stack += counts[i][s];
            }
            ticks.Add(new Tick(i, labels[i]));
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Bottom.TickLabelStyle.FontSize = labels.Count > 6 ? 11 : 14;
        plot.Axes.Bottom.TickLabelStyle.Rotation = labels.Count > 6 ? -30 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = labels.Count > 6 ? Alignment.MiddleRight : Alignment.UpperCenter;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.Label.Text = "Alerts";
        plot.Axes.Left.Label.FontSize = 14;
        int highest = Math.Max(1, counts.Max(c => c.Sum()));
        plot.Axes.SetLimits(-0.6, labels.Count - 0.4, 0, highest * 1.25);
        for (int s = 0; s < 4; s++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = AlertNames.Severity((AlertSeverity)s), FillColor = Color.FromHex(SeverityHex[s]) });
        plot.Legend.FontSize = 13;
        plot.ShowLegend(Alignment.UpperRight);
        Place(flow, plot, 900, 300);
    }

    private static void Place(PageFlow flow, Plot plot, int width, int height)
    {
        plot.Font.Set(ReportFontResolver.Sans);
        var png = plot.GetImageBytes(width, height, ImageFormat.Png);
        double w = flow.Width, h = w * height / width;
        flow.Ensure(h + 6);
        using var image = XImage.FromStream(new MemoryStream(png));
        flow.Gfx.DrawImage(image, PageFlow.Left, flow.Y, w, h);
        flow.Y += h + 6;
    }
}
