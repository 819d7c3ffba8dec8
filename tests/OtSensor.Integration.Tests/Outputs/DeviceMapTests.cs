using System.Xml.Linq;
using OtSensor.Outputs.Files.Map;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Outputs;

/// <summary>
/// The device map (map.svg, map.graphml): every device is a box, no two boxes overlap, boxes sit inside their subnet
/// frame and band, frames do not overlap, the drawing stays about screen-wide; GraphML carries every device and
/// connection. Checked on the largest public capture (84 devices) and on all public captures read as one (480+).
/// </summary>
public sealed class DeviceMapTests
{
    public static TheoryData<string> Inputs() => ["ethercat/ethercrab__twincat-akd-nc-mode.pcapng", "*"];

    private static AnalyzeRunner Run(string input)
    {
        var root = SharedCaptures.PublicRoot ?? throw new InvalidOperationException("../shared/pcaps/public not found");
        return input == "*"
            ? new AnalyzeRunner([.. Directory.GetDirectories(root).Order(StringComparer.Ordinal)])
            : new AnalyzeRunner(Path.Combine(root, input));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Layout_ManyDevices_NoBoxesOverlapAndEveryBoxIsInItsFrame(string input)
    {
        using var run = Run(input);
        var devices = run.Analyzer.Inventory.Devices;
        var layout = DeviceMapLayout.Create(devices);

        Assert.True(devices.Count >= 50, $"{devices.Count} devices");
        Assert.Equal(devices.Count, layout.Nodes.Count);
        Assert.Equal(devices.Count, layout.Nodes.Select(n => n.Device).Distinct().Count());
        var boxes = layout.Nodes.OrderBy(n => n.X).ToList();
        for (int i = 0; i < boxes.Count; i++)
            for (int j = i + 1; j < boxes.Count && boxes[j].X < boxes[i].X + boxes[i].Width; j++)
                Assert.False(Overlap(boxes[i].X, boxes[i].Y, boxes[i].Width, boxes[i].Height, boxes[j].X, boxes[j].Y, boxes[j].Width, boxes[j].Height),
                    $"{boxes[i].Title} overlaps {boxes[j].Title}");
        foreach (var node in layout.Nodes)
            Assert.Contains(layout.Groups, g => Inside(node.X, node.Y, node.Width, node.Height, g.X, g.Y, g.Width, g.Height));
        for (int i = 0; i < layout.Groups.Count; i++)
        {
            var a = layout.Groups[i];
            Assert.Contains(layout.Bands, b => a.Y >= b.Y && a.Y + a.Height <= b.Y + b.Height);
            for (int j = i + 1; j < layout.Groups.Count; j++)
            {
                var b = layout.Groups[j];
                Assert.False(Overlap(a.X, a.Y, a.Width, a.Height, b.X, b.Y, b.Width, b.Height), $"{a.Label} overlaps {b.Label}");
            }
        }
        Assert.InRange(layout.Width, 400, 2600);
    }

    [Fact]
    public void Writers_Svg_And_GraphMl_AreWellFormedAndComplete()
    {
        using var run = Run("ethercat/ethercrab__twincat-akd-nc-mode.pcapng");
        var devices = run.Analyzer.Inventory.Devices;
        var connections = run.Analyzer.Inventory.Connections;
        using var svg = new MemoryStream();
        SvgMapWriter.Write(svg, DeviceMapLayout.Create(devices), connections);
        using var graphMl = new MemoryStream();
        GraphMlWriter.Write(graphMl, devices, connections);

        svg.Position = 0;
        var svgDoc = XDocument.Load(svg);
        XNamespace s = "http://www.w3.org/2000/svg";
        Assert.Equal(devices.Count, svgDoc.Descendants(s + "g").Count(g => (string?)g.Attribute("class") == "device"));
        Assert.Equal(connections.Count, svgDoc.Descendants(s + "line").Count());

        graphMl.Position = 0;
        var graph = XDocument.Load(graphMl);
        XNamespace g = "http://graphml.graphdrawing.org/xmlns";
        Assert.Equal(devices.Count, graph.Descendants(g + "node").Count());
        Assert.Equal(connections.Count, graph.Descendants(g + "edge").Count());
        var ids = graph.Descendants(g + "node").Select(n => (string)n.Attribute("id")!).ToHashSet(StringComparer.Ordinal);
        Assert.All(graph.Descendants(g + "edge"), e => Assert.True(ids.Contains((string)e.Attribute("source")!) && ids.Contains((string)e.Attribute("target")!)));
    }

    private static bool Overlap(double ax, double ay, double aw, double ah, double bx, double by, double bw, double bh)
        => ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;

    private static bool Inside(double x, double y, double w, double h, double gx, double gy, double gw, double gh)
        => x >= gx && y >= gy && x + w <= gx + gw && y + h <= gy + gh;
}
