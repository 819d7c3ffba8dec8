using System.Globalization;
using System.Xml;
using OtSensor.Analysis.Inventory;

namespace OtSensor.Outputs.Files.Map;

/// <summary>
/// Draws a <see cref="DeviceMapLayout"/> as SVG 1.1: bands, subnet frames, connections as lines under the devices,
/// devices as boxes coloured by type with their name and address; every element carries a &lt;title&gt; tooltip.
/// </summary>
public static class SvgMapWriter
{
    public static void Write(Stream stream, DeviceMapLayout layout, IReadOnlyList<Connection> connections)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(connections);
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, CloseOutput = false };
        using var w = XmlWriter.Create(stream, settings);
        const string ns = "http://www.w3.org/2000/svg";
        w.WriteStartElement("svg", ns);
        w.WriteAttributeString("width", Number(layout.Width));
        w.WriteAttributeString("height", Number(layout.Height));
        w.WriteAttributeString("viewBox", $"0 0 {Number(layout.Width)} {Number(layout.Height)}");
        w.WriteAttributeString("font-family", "DejaVu Sans, Arial, sans-serif");
        Rect(w, 0, 0, layout.Width, layout.Height, "#ffffff", "none");

        for (int i = 0; i < layout.Bands.Count; i++)
        {
            var band = layout.Bands[i];
            Rect(w, 0, band.Y, layout.Width, band.Height, i % 2 == 0 ? "#f4f6f9" : "#eaeef4", "none");
            Text(w, 10, band.Y + 20, band.Label, 15, "bold", "#334");
        }
        foreach (var group in layout.Groups)
        {
            Rect(w, group.X, group.Y, group.Width, group.Height, "#ffffff", "#9aa7b8", dashed: true);
            Text(w, group.X + 8, group.Y + 16, group.Label, 11, "normal", "#556");
        }

        var position = layout.Nodes.ToDictionary(n => n.Device);
        w.WriteStartElement("g", ns);
        w.WriteAttributeString("stroke", "#7a8da6");
        w.WriteAttributeString("stroke-opacity", "0.45");
        foreach (var c in connections)
        {
            if (!position.TryGetValue(c.First, out var a) || !position.TryGetValue(c.Second, out var b)) continue;
            w.WriteStartElement("line", ns);
            w.WriteAttributeString("x1", Number(a.X + (a.Width / 2)));
            w.WriteAttributeString("y1", Number(a.Y + (a.Height / 2)));
            w.WriteAttributeString("x2", Number(b.X + (b.Width / 2)));
            w.WriteAttributeString("y2", Number(b.Y + (b.Height / 2)));
            w.WriteAttributeString("stroke-width", c.Packets > 10_000 ? "2" : "1");
            w.WriteElementString("title", ns, $"{a.Title} — {b.Title}: {string.Join(", ", c.Protocols.Select(p => Core.Protocols.ProtocolNames.Get(p.Protocol)))}");
            w.WriteEndElement();
        }
        w.WriteEndElement();

        foreach (var node in layout.Nodes)
        {
            w.WriteStartElement("g", ns);
            w.WriteAttributeString("class", "device");
            w.WriteAttributeString("data-id", node.Device.Id.ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("title", ns, $"{node.Title} ({node.Kind})");
            Rect(w, node.X, node.Y, node.Width, node.Height, Fill(node.Kind), "#2d3b4e", rounded: true);
            Text(w, node.X + 8, node.Y + 18, node.Title, 12, "bold", "#111");
            Text(w, node.X + 8, node.Y + 34, node.Subtitle, 10, "normal", "#333");
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static string Fill(string kind) => kind switch
    {
        "PLC" or "RTU" or "IED" or "Building Controller" => "#ffd9a8",
        "HMI" or "Engineering Station" or "SCADA Server" or "Historian" or "OPC Server" => "#bfe3c6",
        "Switch/Router" or "Router" or "Switch" or "Firewall" => "#d6ccf2",
        "Internet" => "#f7c6c6",
        "Unknown" => "#e3e6ea",
        _ => "#c8dcf5",
    };

    private static void Rect(XmlWriter w, double x, double y, double width, double height, string fill, string stroke, bool dashed = false, bool rounded = false)
    {
        w.WriteStartElement("rect", "http://www.w3.org/2000/svg");
        w.WriteAttributeString("x", Number(x));
        w.WriteAttributeString("y", Number(y));
        w.WriteAttributeString("width", Number(width));
        w.WriteAttributeString("height", Number(height));
        w.WriteAttributeString("fill", fill);
        w.WriteAttributeString("stroke", stroke);
        if (dashed) w.WriteAttributeString("stroke-dasharray", "4 3");
        if (rounded) w.WriteAttributeString("rx", "6");
        w.WriteEndElement();
    }

    private static void Text(XmlWriter w, double x, double y, string text, int size, string weight, string fill)
    {
        w.WriteStartElement("text", "http://www.w3.org/2000/svg");
        w.WriteAttributeString("x", Number(x));
        w.WriteAttributeString("y", Number(y));
        w.WriteAttributeString("font-size", size.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("font-weight", weight);
        w.WriteAttributeString("fill", fill);
        w.WriteString(text);
        w.WriteEndElement();
    }

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
