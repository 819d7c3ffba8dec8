using System.Text;
using OtSensor.Analysis.Detection;
using OtSensor.Analysis.Inventory;
using OtSensor.Analysis.Statistics;
using OtSensor.Core.Protocols;
using OtSensor.Core.Time;
using OtSensor.Outputs.Files;

namespace OtSensor.Outputs.Reports.Model;

/// <summary>Copies the analysis results (inventory, detection, traffic summary) into a <see cref="ReportInput"/>.</summary>
/// <remarks>The report reads analysis results only, never packets (architecture rule: outputs never see packets).</remarks>
public static class ReportInputBuilder
{
    public static ReportInput From(DeviceInventory inventory, DetectionEngine? detection, TrafficSummary? summary,
        string site, string sensor, IReadOnlyList<string>? sources = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var devices = new List<ReportDevice>(inventory.Devices.Count);
        var known = new HashSet<int>();
        foreach (var d in inventory.Devices)
        {
            if (d.MergedInto is not null) continue;
            known.Add(d.Id);
            devices.Add(Convert(d));
        }
        var connections = new List<ReportConnection>(inventory.Connections.Count);
        foreach (var c in inventory.Connections)
        {
            var first = Root(c.First);
            var second = Root(c.Second);
            if (first.Id == second.Id || !known.Contains(first.Id) || !known.Contains(second.Id)) continue;
            var protocols = new List<string>(c.Protocols.Count);
            var commands = new StringBuilder();
            foreach (var (protocol, list) in c.Protocols)
            {
                protocols.Add(ProtocolDisplayNames.Get(protocol));
                if (list.Count == 0) continue;
                if (commands.Length > 0) commands.Append("; ");
                commands.Append(ProtocolDisplayNames.Get(protocol)).Append(": ").AppendJoin(", ", list.Take(6));
                if (list.Count > 6) commands.Append(", …");
            }
            var ports = new List<int>(c.Ports.Count);
            foreach (var p in c.Ports) ports.Add(p);
            connections.Add(new ReportConnection(first.Id, second.Id, protocols, ports, c.Packets, commands.ToString(), c.Bytes));
        }
        var alerts = new List<ReportAlert>();
        var events = new List<ReportEvent>();
        if (detection is not null)
        {
            foreach (var a in detection.Alerts.Alerts)
            {
                alerts.Add(new ReportAlert(a.Id, a.Type.Id, a.Type.Title, a.Type.Engine, a.Type.Severity, a.FirstTime.ToDateTime(),
                    a.Source.ToString(), a.Destination.ToString(), a.SourceDeviceId, a.DestinationDeviceId, a.RenderMessage(),
                    string.Join(" ", a.RenderRemediation()), string.Join(", ", a.Type.Mitre.Select(m => m.Id)), a.IsOpen,
                    a.Arguments.Protocol == ProtocolId.Unknown ? "" : ProtocolDisplayNames.Get(a.Arguments.Protocol)));
            }
            foreach (var e in detection.Timeline.Events)
            {
                if (e.Type is TimelineEventType.DeviceCreate or TimelineEventType.AlertReported or TimelineEventType.DeviceConnectionCreated) continue;
                events.Add(new ReportEvent(e.Time.ToDateTime(), e.Type, e.Content, e.Source.ToString(), e.Destination.ToString()));
            }
        }
        return new ReportInput
        {
            Site = site,
            Sensor = sensor,
            CaptureStart = summary?.FirstPacket?.ToDateTime(),
            CaptureEnd = summary?.LastPacket?.ToDateTime(),
            Generated = DateTime.UtcNow,
            Sources = sources ?? [],
            DetectionRan = detection is not null,
            Devices = devices,
            Connections = connections,
            Alerts = alerts,
            Events = events,
        };
    }

    private static Device Root(Device device)
    {
        while (device.MergedInto is { } next) device = next;
        return device;
    }

    private static ReportDevice Convert(Device d)
    {
        var e = d.Evidence;
        double? level = d.PurdueLevel;
        var protocols = new StringBuilder();
        for (int p = 1; p < 64; p++)
        {
            if (((d.ClientProtocols | d.ServerProtocols) & (1UL << p)) == 0) continue;
            if (protocols.Length > 0) protocols.Append(", ");
            protocols.Append(ProtocolDisplayNames.Get((ProtocolId)p));
        }
        return new ReportDevice(d.Id, d.PrimaryAddress, d.Macs.Count > 0 ? d.Macs[0].ToString() : "",
            e.Value(DeviceAttribute.Name) ?? "", e.Value(DeviceAttribute.Vendor) ?? "", e.Value(DeviceAttribute.Model) ?? "",
            e.Value(DeviceAttribute.Firmware) ?? "", e.Value(DeviceAttribute.Type) ?? "", level, d.IsInternet, d.IsProgrammingDevice,
            protocols.ToString(), Time(d.FirstSeen), Time(d.LastSeen));
    }

    private static DateTime Time(Timestamp t) => DateTime.SpecifyKind(t.ToDateTime(), DateTimeKind.Utc);
}
