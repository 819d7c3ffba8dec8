using System.Globalization;
using OtSensor.Analysis.Detection;
using OtSensor.Outputs.Reports.Model;
using OtSensor.Outputs.Reports.Risk;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OtSensor.Outputs.Reports.Pdf;

/// <summary>Renders a <see cref="ReportModel"/> as the risk assessment PDF (sections of sensor-reference §5.1).</summary>
/// <remarks>
/// Sections: cover, executive summary (score, formula, device bands), category scores, ranked findings, vulnerable
/// devices, unauthorized devices, insecure protocols and credentials, internet connections, subnet and Purdue-level
/// crossings, devices talking to many PLCs, programming and operational events, alerts, network map, inventory
/// appendix. Each section is a bookmark; every page gets "Page X of Y" once the page count is known.
/// </remarks>
public static class PdfReportRenderer
{
    /// <summary>Rows printed per detail table before the PDF points to the export (the inventory appendix prints all).</summary>
    public const int DetailRows = 1500;

    public static void Render(ReportModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        ReportFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        var input = model.Input;
        document.Info.Title = $"OT risk assessment: {input.Site}";
        document.Info.Subject = $"Security score {RiskAssessment.Points(model.Score)} % ({model.Band})";
        document.Info.Author = input.Sensor;
        document.Info.Creator = "OtSensor";
        document.Info.Keywords = "OT, ICS, risk assessment, security score";
        document.PageLayout = PdfPageLayout.SinglePage;
        document.PageMode = PdfPageMode.UseOutlines;

        using (var flow = new PageFlow(document))
        {
            Cover(flow, model);
            Summary(flow, model);
            Findings(flow, model);
            Sections(flow, model);
            flow.Section("Network map", newPage: true);
            flow.Paragraph(input.Devices.Count <= 160
                ? "Devices grouped by Purdue level (bands) and subnet (boxes); lines are connections. Controllers are orange, internet addresses red."
                : string.Create(CultureInfo.InvariantCulture, $"{input.Devices.Count:N0} devices: each subnet box lists its device counts by type (the per-device map is drawn up to 160 devices)."), flow.Small);
            MapPainter.Draw(flow, input);
            flow.Section("Appendix: device inventory", newPage: true);
            flow.Paragraph(string.Create(CultureInfo.InvariantCulture, $"{input.Devices.Count:N0} devices, ordered by Purdue level and subnet. Score is the device's own score (100 minus the weights of the findings it is part of)."), flow.Small);
            flow.Table(model.Tables["inventory"]);
        }
        Footers(document, input.Site);
        document.Save(output, false);
    }

    private static void Cover(PageFlow flow, ReportModel model)
    {
        var input = model.Input;
        var g = flow.Gfx;
        document(flow).Outlines.Add("Cover", flow.Page, false);
        g.DrawRectangle(new XSolidBrush(XColor.FromArgb(0x1F, 0x4E, 0x79)), 0, 0, flow.Page.Width.Point, 190);
        var title = new XFont(ReportFontResolver.Sans, 26, XFontStyleEx.Bold);
        g.DrawString("OT Risk Assessment", title, XBrushes.White, new XRect(PageFlow.Left, 70, flow.Width, 34), XStringFormats.TopLeft);
        flow.Y = 112;
        flow.Paragraph(input.Site, new XFont(ReportFontResolver.Sans, 15), XBrushes.White);
        flow.Y = 230;
        var scoreFont = new XFont(ReportFontResolver.Sans, 40, XFontStyleEx.Bold);
        g.DrawString(RiskAssessment.Points(model.Score) + " %", scoreFont, new XSolidBrush(ChartPainter.BandColor(model.Score)), new XRect(PageFlow.Left, flow.Y, flow.Width, 50), XStringFormats.TopLeft);
        flow.Y += 52;
        flow.Paragraph($"Overall security score: {model.Band}", flow.H2);
        flow.Y += 20;
        string span = input.CaptureStart is { } s && input.CaptureEnd is { } e
            ? $"{Time(s)} to {Time(e)} UTC ({Duration(e - s)})" : "unknown (no timestamps)";
        var rows = new List<string[]>
        {
            new[] { "Site", input.Site },
            new[] { "Sensor", input.Sensor },
            new[] { "Capture span", span },
            new[] { "Report generated", Time(input.Generated) + " UTC" },
            new[] { "Devices / connections", string.Create(CultureInfo.InvariantCulture, $"{input.Devices.Count:N0} / {input.Connections.Count:N0}") },
            new[] { "Alerts", input.DetectionRan ? input.Alerts.Count.ToString("N0", CultureInfo.InvariantCulture) : "detection was not run" },
            new[] { "Vulnerability knowledge", $"known-vulnerabilities.json version {model.KnowledgeVersion} ({model.KnowledgeEntries} entries)" },
            new[] { "Sources", input.Sources.Count == 0 ? "(not recorded)" : string.Join(", ", input.Sources.Take(8).Select(Path.GetFileName)) + (input.Sources.Count > 8 ? $" and {input.Sources.Count - 8} more" : "") },
        };
        flow.Table(new ReportTable("cover", "Report", ["Item", "Value"], [1, 3], rows));
        flow.Y += 10;
        flow.Paragraph("Backup and anti-virus servers are not evaluated: the sensor's report lowers the score when they are not defined; this report has no such setting and says so rather than guessing.", flow.Small, XBrushes.DimGray);
    }

    private static PdfDocument document(PageFlow flow) => flow.Page.Owner;

    private static void Summary(PageFlow flow, ReportModel model)
    {
        flow.Section("Executive summary", newPage: true);
        var input = model.Input;
        var top = model.Findings.Take(3).Select(f => $"{f.Title} (+{RiskAssessment.Points(f.Gain)})");
        flow.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"The network of {input.Site} scores {RiskAssessment.Points(model.Score)} % ({model.Band}; bands: Secure above 90, Needs improvement 70-89, Vulnerable below 70). {model.Findings.Count} finding{(model.Findings.Count == 1 ? "" : "s")} lower the score from 100 %.")
            + (model.Findings.Count > 0 ? " Fixing first: " + string.Join("; ", top) + "." : " No weighted finding was observed."));
        flow.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"Devices by own score: {model.DeviceBands[0]:N0} secure (above 90), {model.DeviceBands[1]:N0} needing improvement (70-89), {model.DeviceBands[2]:N0} vulnerable (below 70)."));
        flow.Subsection("How the score is computed");
        flow.Paragraph(RiskWeights.FormulaText, flow.Small);
        var rows = model.Findings.Select(f => new[] { f.Title, f.Count.ToString("N0", CultureInfo.InvariantCulture),
            RiskWeights.Weight(f.Kind).ToString("0.#", CultureInfo.InvariantCulture), "-" + RiskAssessment.Points(f.Penalty), "+" + RiskAssessment.Points(f.Gain) }).ToList();
        rows.Add(["Score", "", "", RiskAssessment.Points(model.Score) + " %", ""]);
        flow.Table(new ReportTable("contributions", "Contributions", ["Finding", "Count", "Weight", "Contribution", "Gain if fixed"], [4, 0.8, 0.8, 1, 1], rows));
        flow.Subsection("Scores per category");
        ChartPainter.ScoreBars(flow, model.Categories.Select(c => c.Category).Prepend("Overall").ToList(), model.Categories.Select(c => c.Score).Prepend(model.Score).ToList());
        flow.Table(new ReportTable("categories", "Categories", ["Category", "Score %", "Penalty", "Maximum penalty"], [2, 1, 1, 1],
            model.Categories.Select(c => new[] { c.Category, c.Score.ToString("0.#", CultureInfo.InvariantCulture), RiskAssessment.Points(c.Penalty), RiskAssessment.Points(c.MaxPenalty) }).ToList()));
    }

    private static void Findings(PageFlow flow, ReportModel model)
    {
        flow.Section("Top findings and mitigation", newPage: true);
        flow.Paragraph("Ranked by their cost to the score. Gain is the score rise when the finding's cause is removed (recomputed, not estimated).", flow.Small);
        flow.Table(model.Tables["findings"], empty: "No findings: nothing observed lowers the score.");
        foreach (var f in model.Findings)
        {
            flow.Ensure(40);
            flow.Paragraph(f.Title, flow.Bold);
            flow.Paragraph(string.Create(CultureInfo.InvariantCulture, $"Risk {f.Risk}, {f.Category}: {f.Evidence}. Contribution -{RiskAssessment.Points(f.Penalty)}, gain if fixed +{RiskAssessment.Points(f.Gain)}. Mitigation: {f.Mitigation}"), flow.Small, indent: 8);
        }
    }

    private static void Sections(PageFlow flow, ReportModel model)
    {
        var t = model.Tables;
        flow.Section("Vulnerable devices");
        flow.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"Matched against the curated knowledge file known-vulnerabilities.json version {model.KnowledgeVersion} ({model.KnowledgeEntries} entries). Coverage: {model.KnowledgeCoverage} {model.DevicesNotCheckable:N0} controller{(model.DevicesNotCheckable == 1 ? "" : "s")} could not be checked (vendor or model unknown)."), flow.Small);
        flow.Table(t["vulnerabilities"], DetailRows, "No device matched an entry of the knowledge file (see coverage above).");

        flow.Section("Unauthorized and new devices");
        flow.Paragraph("Devices first seen after the learning period (New Asset Detected alerts).", flow.Small);
        flow.Table(t["unauthorized"], DetailRows, model.Input.DetectionRan ? "No new device appeared after learning." : "Detection was not run: new devices cannot be told from learned ones.");

        flow.Section("Insecure protocols and credentials");
        flow.Subsection("Cleartext industrial protocols");
        flow.Table(t["cleartext"], DetailRows);
        flow.Subsection("Cleartext credential protocols");
        flow.Paragraph("Connections on ports whose protocols carry logins in clear. Passwords are never printed: the sensor does not extract them, and the column stays masked.", flow.Small);
        flow.Table(t["credentials"], DetailRows);
        flow.Subsection("Remote access");
        flow.Table(t["remote-access"], DetailRows);

        flow.Section("Internet connections");
        flow.Table(t["internet"], DetailRows, "No connection to a public address was seen.");

        flow.Section("Connections crossing subnets and Purdue levels");
        flow.Subsection("Across Purdue levels");
        flow.Table(t["cross-level"], DetailRows, "No connection between devices at different known levels.");
        flow.Subsection("Between subnets");
        flow.Table(t["cross-subnet"], DetailRows, "All connections stay within their /24 subnet.");

        flow.Section("Devices talking to many PLCs");
        flow.Table(t["many-plcs"], DetailRows, $"No device reached {RiskAssessment.ManyPlcThreshold} or more controllers.");

        flow.Section("Programming and operational events");
        flow.Table(t["events"], DetailRows, model.Input.DetectionRan ? "No programming, firmware or controller state event." : "Detection was not run: no timeline.");

        flow.Section("Alerts by engine and severity");
        AlertCharts(flow, model);
        flow.Subsection("Alert list");
        flow.Table(t["alerts"], DetailRows, model.Input.DetectionRan ? "No alerts." : "Detection was not run.");
    }

    private static void AlertCharts(PageFlow flow, ReportModel model)
    {
        if (model.Input.Alerts.Count == 0)
        {
            flow.Paragraph(model.Input.DetectionRan ? "No alerts were raised." : "Detection was not run.", flow.Small);
            return;
        }
        var engines = Enum.GetValues<AlertEngine>();
        ChartPainter.SeverityColumns(flow, engines.Select(AlertNames.Engine).ToList(), engines.Select(e => model.AlertsByEngineSeverity[(int)e]).ToList());
        var severities = Enum.GetValues<AlertSeverity>();
        flow.Table(new ReportTable("by-engine", "By engine", ["Engine", .. severities.Select(AlertNames.Severity), "Total"], [2, 1, 1, 1, 1, 1],
            engines.Select(e => model.AlertsByEngineSeverity[(int)e]).Select((c, i) => Row(AlertNames.Engine(engines[i]), c)).ToList()));
        flow.Subsection("Over time");
        var labels = model.AlertBinStarts.Select(s => s.ToString("MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).ToList();
        ChartPainter.SeverityColumns(flow, labels, model.AlertsOverTime);
        flow.Table(new ReportTable("over-time", "Over time", ["From (UTC)", .. severities.Select(AlertNames.Severity), "Total"], [2, 1, 1, 1, 1, 1],
            model.AlertsOverTime.Select((c, i) => Row(Time(model.AlertBinStarts[i]), c)).ToList()));
    }

    private static string[] Row(string label, int[] counts)
        => [label, .. counts.Select(n => n.ToString("N0", CultureInfo.InvariantCulture)), counts.Sum().ToString("N0", CultureInfo.InvariantCulture)];

    /// <summary>"Page X of Y" and the site on every page but the cover, drawn once the count is known.</summary>
    private static void Footers(PdfDocument document, string site)
    {
        var font = new XFont(ReportFontResolver.Sans, 7.5);
        int total = document.PageCount;
        for (int i = 0; i < total; i++)
        {
            var page = document.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            double y = page.Height.Point - PageFlow.Margin - 10, w = page.Width.Point - (2 * PageFlow.Margin);
            g.DrawLine(XPens.LightGray, PageFlow.Margin, y - 3, PageFlow.Margin + w, y - 3);
            var left = "OT risk assessment: " + site;
            // Leave room for "Page X of Y" on the right; cut the site name by measure, not by character count.
            while (left.Length > 20 && g.MeasureString(left, font).Width > w - 90) left = left[..^2] + "…";
            g.DrawString(left, font, XBrushes.DimGray, new XRect(PageFlow.Margin, y, w, 10), XStringFormats.TopLeft);
            g.DrawString(string.Create(CultureInfo.InvariantCulture, $"Page {i + 1} of {total}"), font, XBrushes.DimGray, new XRect(PageFlow.Margin, y, w, 10), XStringFormats.TopRight);
        }
    }

    private static string Time(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan span) => span.TotalHours >= 1 ? span.ToString(@"d\.hh\:mm\:ss", CultureInfo.InvariantCulture) : span.ToString(@"mm\:ss\.fff", CultureInfo.InvariantCulture);
}
