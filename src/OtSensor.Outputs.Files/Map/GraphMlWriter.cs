using System.Globalization;
using System.Xml;
using OtSensor.Analysis.Inventory;
using OtSensor.Core.Protocols;

namespace OtSensor.Outputs.Files.Map;

/// <summary>
/// The device map as GraphML (graphml.graphdrawing.org, 1.0): one node per device with its address, MAC, type,
/// vendor and Purdue level, one undirected edge per connection with its protocols, ports and packets, for Gephi,
/// yEd or networkx.
/// </summary>
public static class GraphMlWriter
{
    private const string Ns = "http://graphml.graphdrawing.org/xmlns";

    public static void Write(Stream stream, IReadOnlyList<Device> devices, IReadOnlyList<Connection> connections)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(connections);
        using var w = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, CloseOutput = false });
        w.WriteStartElement("graphml", Ns);
        Key(w, "d_address", "node", "address");
        Key(w, "d_mac", "node", "mac");
        Key(w, "d_name", "node", "name");
        Key(w, "d_type", "node", "type");
        Key(w, "d_vendor", "node", "vendor");
        Key(w, "d_level", "node", "purdueLevel");
        Key(w, "e_protocols", "edge", "protocols");
        Key(w, "e_ports", "edge", "ports");
        Key(w, "e_packets", "edge", "packets");
        w.WriteStartElement("graph", Ns);
        w.WriteAttributeString("id", "otsensor");
        w.WriteAttributeString("edgedefault", "undirected");
        var present = new HashSet<Device>(devices);
        foreach (var d in devices)
        {
            w.WriteStartElement("node", Ns);
            w.WriteAttributeString("id", NodeId(d));
            Data(w, "d_address", d.HasAddress ? d.Address.ToString() : null);
            Data(w, "d_mac", d.Macs.Count > 0 ? d.Macs[0].ToString() : null);
            Data(w, "d_name", d.Evidence.Value(DeviceAttribute.Name));
            Data(w, "d_type", d.Evidence.Value(DeviceAttribute.Type));
            Data(w, "d_vendor", d.Evidence.Value(DeviceAttribute.Vendor));
            Data(w, "d_level", d.Evidence.Value(DeviceAttribute.PurdueLevel));
            w.WriteEndElement();
        }
        int edge = 0;
        foreach (var c in connections)
        {
            if (!present.Contains(c.First) || !present.Contains(c.Second)) continue;
            w.WriteStartElement("edge", Ns);
            w.WriteAttributeString("id", "e" + (edge++).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("source", NodeId(c.First));
            w.WriteAttributeString("target", NodeId(c.Second));
            Data(w, "e_protocols", string.Join(",", c.Protocols.Select(p => ProtocolNames.Get(p.Protocol))));
            Data(w, "e_ports", string.Join(",", c.Ports));
            Data(w, "e_packets", c.Packets.ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static string NodeId(Device d) => "n" + d.Id.ToString(CultureInfo.InvariantCulture);

    private static void Key(XmlWriter w, string id, string target, string name)
    {
        w.WriteStartElement("key", Ns);
        w.WriteAttributeString("id", id);
        w.WriteAttributeString("for", target);
        w.WriteAttributeString("attr.name", name);
        w.WriteAttributeString("attr.type", "string");
        w.WriteEndElement();
    }

    private static void Data(XmlWriter w, string key, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        w.WriteStartElement("data", Ns);
        w.WriteAttributeString("key", key);
        w.WriteString(value);
        w.WriteEndElement();
    }
}
