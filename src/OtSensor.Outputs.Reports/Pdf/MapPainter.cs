using System.Globalization;
using OtSensor.Outputs.Reports.Model;
using PdfSharp.Drawing;

namespace OtSensor.Outputs.Reports.Pdf;

/// <summary>
/// The network map: bands per Purdue level (Internet on top, level 0 at the bottom), subnets as boxes inside them,
/// devices as small boxes inside those; connections drawn as lines between devices on the same page.
/// </summary>
/// <remarks>
/// Same grouping as <c>OtSensor.Outputs.Files.Map.DeviceMapLayout</c> (level band, then /24 subnet), but sized for A4:
/// that layout's 170-pt nodes on a 2,400-pt row do not fit a page. Above <see cref="DetailedLimit"/> devices a subnet box
/// shows counts per device type instead of one box per device, so the map stays one or a few pages at 5,000 devices.
/// </remarks>
internal static class MapPainter
{
    public const int DetailedLimit = 160;
    private const double NodeW = 74, NodeH = 19, Gap = 5, GroupPad = 5, GroupHeader = 11, BandHeader = 13;

    private sealed record Box(int Page, XRect Rect, string Title, string Subtitle, ReportDevice? Device);

    public static void Draw(PageFlow flow, ReportInput input)
    {
        bool detailed = input.Devices.Count <= DetailedLimit;
        var pages = new List<(List<Box> Bands, List<Box> Groups, List<Box> Nodes)>();
        int page = 0;
        pages.Add(([], [], []));
        double y = flow.Y, left = PageFlow.Left, width = flow.Width;
        foreach (var band in input.Devices.GroupBy(BandKey).OrderBy(g => g.Key.Order))
        {
            var groups = band.GroupBy(d => d.Subnet).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            double bandTop = y, x = left + GroupPad, rowTop = y + BandHeader, tallest = 0;
            if (bandTop + BandHeader + 40 > flow.Bottom) NextPage();
            foreach (var group in groups)
            {
                var members = group.OrderBy(d => d.Id).ToList();
                double gw, gh;
                List<string> summary = [];
                int columns = 1;
                if (detailed)
                {
                    columns = Math.Min(6, Math.Max(1, (int)Math.Ceiling(Math.Sqrt(members.Count * 1.5))));
                    int rows = (members.Count + columns - 1) / columns;
                    gw = (columns * NodeW) + ((columns - 1) * Gap) + (2 * GroupPad);
                    gh = GroupHeader + (rows * NodeH) + ((rows - 1) * Gap) + (2 * GroupPad);
                }
                else
                {
                    summary = members.GroupBy(d => d.Type.Length > 0 ? d.Type : "unknown type").OrderByDescending(t => t.Count()).ThenBy(t => t.Key, StringComparer.Ordinal)
                        .Take(5).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Count():N0} {t.Key}")).ToList();
                    gw = 122;
                    gh = GroupHeader + (summary.Count * 8) + (2 * GroupPad);
                }
                if (x > left + GroupPad && x + gw > left + width - GroupPad)
                {
                    rowTop += tallest + Gap;
                    x = left + GroupPad;
                    tallest = 0;
                }
                if (rowTop + gh > flow.Bottom)
                {
                    // Close the band on this page and continue it on the next.
                    pages[page].Bands.Add(new Box(page, new XRect(left, bandTop, width, rowTop - bandTop), BandLabel(band.Key.Label), "", null));
                    NextPage();
                    bandTop = y;
                    rowTop = y + BandHeader;
                    x = left + GroupPad;
                    tallest = 0;
                }
                var label = string.Create(CultureInfo.InvariantCulture, $"{group.Key} ({members.Count:N0})");
                pages[page].Groups.Add(new Box(page, new XRect(x, rowTop, gw, gh), label, string.Join("\n", summary), null));
                if (detailed)
                {
                    for (int i = 0; i < members.Count; i++)
                    {
                        var d = members[i];
                        double nx = x + GroupPad + (i % columns * (NodeW + Gap)), ny = rowTop + GroupHeader + GroupPad + (i / columns * (NodeH + Gap));
                        pages[page].Nodes.Add(new Box(page, new XRect(nx, ny, NodeW, NodeH), d.Address,
                            string.Join(" · ", new[] { d.Type, d.Vendor }.Where(s => s.Length > 0)), d));
                    }
                }
                x += gw + Gap;
                tallest = Math.Max(tallest, gh);
            }
            double bandHeight = rowTop + tallest + Gap - bandTop;
            pages[page].Bands.Add(new Box(page, new XRect(left, bandTop, width, bandHeight), BandLabel(band.Key.Label), "", null));
            y = bandTop + bandHeight + Gap;
        }

        var where = new Dictionary<int, Box>();
        foreach (var p in pages) foreach (var n in p.Nodes) where[n.Device!.Id] = n;
        for (int p = 0; p < pages.Count; p++)
        {
            if (p > 0) flow.NewPage();
            var g = flow.Gfx;
            foreach (var b in pages[p].Bands)
            {
                g.DrawRectangle(new XPen(XColor.FromArgb(0x1F, 0x4E, 0x79), 0.8), new XSolidBrush(XColor.FromArgb(0xF4, 0xF7, 0xFB)), b.Rect);
            }
            // Group boxes, then connection lines, then group titles and devices on top so lines never cross text.
            foreach (var b in pages[p].Groups) g.DrawRectangle(XPens.Gray, XBrushes.White, b.Rect);
            var linePen = new XPen(XColor.FromArgb(120, 0x55, 0x77, 0x99), 0.4);
            if (detailed)
                foreach (var c in input.Connections)
                    if (where.TryGetValue(c.FirstId, out var a) && where.TryGetValue(c.SecondId, out var b) && a.Page == p && b.Page == p)
                        g.DrawLine(linePen, a.Rect.X + (a.Rect.Width / 2), a.Rect.Y + (a.Rect.Height / 2), b.Rect.X + (b.Rect.Width / 2), b.Rect.Y + (b.Rect.Height / 2));
            foreach (var b in pages[p].Bands)
            {
                g.DrawRectangle(new XSolidBrush(XColor.FromArgb(0xF4, 0xF7, 0xFB)), b.Rect.X + 1, b.Rect.Y + 1, flow.Measure(b.Title, flow.CellBold) + 6, 9);
                g.DrawString(b.Title, flow.CellBold, new XSolidBrush(XColor.FromArgb(0x1F, 0x4E, 0x79)), new XRect(b.Rect.X + 4, b.Rect.Y + 2, b.Rect.Width - 8, 9), XStringFormats.TopLeft);
            }
            foreach (var b in pages[p].Groups)
            {
                var title = Fit(flow, b.Title, b.Rect.Width - 6, flow.CellBold);
                g.DrawRectangle(XBrushes.White, b.Rect.X + 1, b.Rect.Y + 1, Math.Min(b.Rect.Width - 2, flow.Measure(title, flow.CellBold) + 5), 9);
                g.DrawString(title, flow.CellBold, XBrushes.Black, new XRect(b.Rect.X + 3, b.Rect.Y + 2, b.Rect.Width - 6, 9), XStringFormats.TopLeft);
                int line = 0;
                foreach (var s in b.Subtitle.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    g.DrawString(Fit(flow, s, b.Rect.Width - 8), flow.Cell, XBrushes.Black, new XRect(b.Rect.X + 4, b.Rect.Y + GroupHeader + GroupPad + (line++ * 8), b.Rect.Width - 8, 8), XStringFormats.TopLeft);
            }
            foreach (var n in pages[p].Nodes)
            {
                var fill = n.Device!.IsController ? XColor.FromArgb(0xFD, 0xEB, 0xD0) : n.Device.IsInternet ? XColor.FromArgb(0xF9, 0xD6, 0xD5) : XColor.FromArgb(0xE3, 0xEE, 0xFA);
                g.DrawRectangle(XPens.SlateGray, new XSolidBrush(fill), n.Rect);
                g.DrawString(Fit(flow, n.Title, n.Rect.Width - 4), flow.Cell, XBrushes.Black, new XRect(n.Rect.X + 2, n.Rect.Y + 1.5, n.Rect.Width - 4, 8), XStringFormats.TopLeft);
                g.DrawString(Fit(flow, n.Subtitle, n.Rect.Width - 4), flow.Cell, XBrushes.DimGray, new XRect(n.Rect.X + 2, n.Rect.Y + 9.5, n.Rect.Width - 4, 8), XStringFormats.TopLeft);
            }
        }
        flow.Y = y + 6;

        void NextPage()
        {
            pages.Add(([], [], []));
            page++;
            y = PageFlow.Margin;
        }
    }

    private static string Fit(PageFlow flow, string text, double width, XFont? font = null) => flow.Wrap(text, font ?? flow.Cell, width, 1)[0];

    private static string BandLabel(string label) => label;

    private static (int Order, string Label) BandKey(ReportDevice d)
    {
        if (d.IsInternet) return (0, "Internet");
        if (d.PurdueLevel is { } level)
            return (10 + (int)Math.Round((5 - level) * 10), "Purdue level " + level.ToString("0.#", CultureInfo.InvariantCulture));
        return (1000, "Purdue level unknown");
    }
}
