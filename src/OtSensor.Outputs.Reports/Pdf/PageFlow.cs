using System.Globalization;
using OtSensor.Outputs.Reports.Model;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OtSensor.Outputs.Reports.Pdf;

/// <summary>
/// A top-to-bottom text flow over A4 pages: headings with bookmarks, wrapped paragraphs, and tables that break across
/// pages and repeat their header. MigraDoc is not available (platform-notes), so this is the report's layout engine.
/// </summary>
/// <remarks>
/// Every string drawn is first wrapped to its box width with <see cref="XGraphics.MeasureString(string, XFont)"/>
/// (words, then characters for long tokens such as MAC addresses), and cells are cut to <see cref="MaxCellLines"/> lines
/// with an ellipsis, so no text can leave the page: the report tests check this from the letters' coordinates.
/// </remarks>
internal sealed class PageFlow : IDisposable
{
    public const double Margin = 42;
    public const double FooterHeight = 24;
    public const int MaxCellLines = 3;

    private readonly PdfDocument _document;
    private PdfOutline? _section;

    public PageFlow(PdfDocument document)
    {
        _document = document;
        Body = new XFont(ReportFontResolver.Sans, 9.5);
        Small = new XFont(ReportFontResolver.Sans, 8);
        Cell = new XFont(ReportFontResolver.Condensed, 6.8);
        CellBold = new XFont(ReportFontResolver.Condensed, 6.8, XFontStyleEx.Bold);
        H1 = new XFont(ReportFontResolver.Sans, 16, XFontStyleEx.Bold);
        H2 = new XFont(ReportFontResolver.Sans, 11.5, XFontStyleEx.Bold);
        Bold = new XFont(ReportFontResolver.Sans, 9.5, XFontStyleEx.Bold);
        NewPage();
    }

    public XFont Body { get; }
    public XFont Small { get; }
    public XFont Cell { get; }
    public XFont CellBold { get; }
    public XFont H1 { get; }
    public XFont H2 { get; }
    public XFont Bold { get; }
    public PdfPage Page { get; private set; } = null!;
    public XGraphics Gfx { get; private set; } = null!;
    public double Y { get; set; }
    public static double Left => Margin;
    public double Width => Page.Width.Point - (2 * Margin);
    public double Bottom => Page.Height.Point - Margin - FooterHeight;

    public void NewPage()
    {
        Gfx?.Dispose();
        Page = _document.AddPage();
        Page.Size = PageSize.A4;
        Gfx = XGraphics.FromPdfPage(Page);
        Y = Margin;
    }

    /// <summary>Moves to a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void Ensure(double height)
    {
        if (Y + height > Bottom) NewPage();
    }

    /// <summary>A section heading with a top-level bookmark; starts a new page when less than a third of one is left.</summary>
    public void Section(string title, bool newPage = false)
    {
        if (newPage || Y + 220 > Bottom) NewPage();
        else Y += 10;
        _section = _document.Outlines.Add(title, Page, true);
        Gfx.DrawString(title, H1, XBrushes.Black, new XRect(Left, Y, Width, 20), XStringFormats.TopLeft);
        Y += 24;
        Gfx.DrawLine(new XPen(XColor.FromArgb(0x1F, 0x4E, 0x79), 1.2), Left, Y - 4, Left + Width, Y - 4);
        Y += 4;
    }

    /// <summary>A sub-heading bookmarked under the current section.</summary>
    public void Subsection(string title)
    {
        Ensure(60);
        Y += 6;
        if (_section is not null) _section.Outlines.Add(title, Page, false);
        else _document.Outlines.Add(title, Page, false);
        Gfx.DrawString(title, H2, XBrushes.Black, new XRect(Left, Y, Width, 16), XStringFormats.TopLeft);
        Y += 18;
    }

    /// <summary>A wrapped paragraph that continues on the next page when it must.</summary>
    public void Paragraph(string text, XFont? font = null, XBrush? brush = null, double indent = 0)
    {
        font ??= Body;
        double lineHeight = font.Size * 1.3;
        foreach (var line in Wrap(text, font, Width - indent, int.MaxValue))
        {
            Ensure(lineHeight);
            Gfx.DrawString(line, font, brush ?? XBrushes.Black, new XRect(Left + indent, Y, Width - indent, lineHeight), XStringFormats.TopLeft);
            Y += lineHeight;
        }
        Y += font.Size * 0.5;
    }

    /// <summary>
    /// A table: column widths in proportion to <see cref="ReportTable.Widths"/>, header repeated on each page, zebra rows,
    /// at most <paramref name="maxRows"/> rows printed (the rest are in the CSV/JSON export, and the table says so).
    /// </summary>
    public void Table(ReportTable table, int maxRows = int.MaxValue, string empty = "None found.")
    {
        if (table.Rows.Count == 0)
        {
            Paragraph(empty, Small, XBrushes.DimGray);
            return;
        }
        var widths = ColumnWidths(table.Widths);
        double lineHeight = Cell.Size * 1.25;
        const double pad = 2.2;
        var headerLines = table.Headers.Select((h, i) => Wrap(h, CellBold, widths[i] - (2 * pad), 2)).ToList();
        double headerHeight = (headerLines.Max(l => l.Count) * lineHeight) + (2 * pad);
        Ensure(headerHeight + lineHeight + (2 * pad));
        DrawHeader();
        int printed = Math.Min(maxRows, table.Rows.Count);
        var lines = new List<string>[widths.Length];
        for (int r = 0; r < printed; r++)
        {
            var row = table.Rows[r];
            int tallest = 1;
            for (int c = 0; c < widths.Length; c++)
            {
                lines[c] = Wrap(c < row.Length ? row[c] : "", Cell, widths[c] - (2 * pad), MaxCellLines);
                tallest = Math.Max(tallest, lines[c].Count);
            }
            double height = (tallest * lineHeight) + (2 * pad);
            if (Y + height > Bottom)
            {
                NewPage();
                DrawHeader();
            }
            if (r % 2 == 1) Gfx.DrawRectangle(ZebraBrush, Left, Y, Width, height);
            double x = Left;
            for (int c = 0; c < widths.Length; c++)
            {
                for (int l = 0; l < lines[c].Count; l++)
                    Gfx.DrawString(lines[c][l], Cell, XBrushes.Black, new XRect(x + pad, Y + pad + (l * lineHeight), widths[c] - (2 * pad), lineHeight), XStringFormats.TopLeft);
                x += widths[c];
            }
            Y += height;
        }
        Gfx.DrawLine(XPens.LightGray, Left, Y, Left + Width, Y);
        Y += 4;
        if (printed < table.Rows.Count)
            Paragraph(string.Create(CultureInfo.InvariantCulture, $"Showing {printed:N0} of {table.Rows.Count:N0} rows; all rows are in the '{table.Key}' CSV/JSON export."), Small, XBrushes.DimGray);
        Y += 4;

        void DrawHeader()
        {
            Gfx.DrawRectangle(HeaderBrush, Left, Y, Width, headerHeight);
            double x = Left;
            for (int c = 0; c < widths.Length; c++)
            {
                for (int l = 0; l < headerLines[c].Count; l++)
                    Gfx.DrawString(headerLines[c][l], CellBold, XBrushes.White, new XRect(x + pad, Y + pad + (l * lineHeight), widths[c] - (2 * pad), lineHeight), XStringFormats.TopLeft);
                x += widths[c];
            }
            Y += headerHeight;
        }
    }

    private static readonly XSolidBrush HeaderBrush = new(XColor.FromArgb(0x1F, 0x4E, 0x79));
    private static readonly XSolidBrush ZebraBrush = new(XColor.FromArgb(0xEE, 0xF2, 0xF7));

    private double[] ColumnWidths(IReadOnlyList<double> relative)
    {
        double sum = relative.Sum();
        var widths = new double[relative.Count];
        for (int i = 0; i < widths.Length; i++) widths[i] = Width * relative[i] / sum;
        return widths;
    }

    /// <summary>
    /// Greedy word wrap to <paramref name="width"/>; a word wider than the box is cut by characters. At most
    /// <paramref name="maxLines"/> lines: the last kept line ends with an ellipsis when text was cut.
    /// </summary>
    public List<string> Wrap(string text, XFont font, double width, int maxLines)
    {
        var lines = new List<string>(1);
        if (string.IsNullOrEmpty(text))
        {
            lines.Add("");
            return lines;
        }
        if (Measure(text, font) <= width && text.IndexOf('\n', StringComparison.Ordinal) < 0)
        {
            lines.Add(text);
            return lines;
        }
        var current = new System.Text.StringBuilder();
        bool truncated = false;
        foreach (var paragraph in text.Split('\n'))
        {
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (Measure(candidate, font) <= width)
                {
                    current.Clear().Append(candidate);
                    continue;
                }
                if (current.Length > 0)
                {
                    lines.Add(current.ToString());
                    current.Clear();
                }
                var rest = word;
                while (Measure(rest, font) > width)
                {
                    int fit = Fit(rest, font, width);
                    lines.Add(rest[..fit]);
                    rest = rest[fit..];
                }
                current.Append(rest);
                if (lines.Count > maxLines) { truncated = true; break; }
            }
            if (truncated) break;
            lines.Add(current.ToString());
            current.Clear();
        }
        if (lines.Count > maxLines || truncated)
        {
            lines.RemoveRange(maxLines, lines.Count - maxLines);
            var last = lines[^1];
            while (last.Length > 0 && Measure(last + "…", font) > width) last = last[..^1];
            lines[^1] = last + "…";
        }
        return lines;
    }

    private int Fit(string word, XFont font, double width)
    {
        int lo = 1, hi = word.Length;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (Measure(word[..mid], font) <= width) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    public double Measure(string text, XFont font) => Gfx.MeasureString(text, font).Width;

    public void Dispose() => Gfx?.Dispose();
}
