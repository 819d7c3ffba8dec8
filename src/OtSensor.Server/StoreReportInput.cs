using OtSensor.Analysis.Detection;
using OtSensor.Outputs.Reports.Model;
using OtSensor.Outputs.Store;

namespace OtSensor.Server;

/// <summary>
/// A report's input read from the store (every capture played so far, across restarts), where <c>otsensor report</c>
/// builds it from one analyzer in memory (<see cref="ReportInputBuilder"/>): same plain records, same report.
/// </summary>
internal static class StoreReportInput
{
    private static readonly Dictionary<string, TimelineEventType> EventTypes = BuildEventTypes();

    public static ReportInput From(SensorStore store, string site)
    {
        var devices = new List<ReportDevice>();
        foreach (var d in store.GetDevices(new DeviceQuery()).Items)
        {
            var protocols = string.Join(", ", d.Protocols.Where(p => p.Id > 0).Select(p => p.Name));
            devices.Add(new ReportDevice(d.Id, d.IpAddresses.Count > 0 ? d.IpAddresses[0] : d.Key, d.MacAddresses.Count > 0 ? d.MacAddresses[0] : "",
                d.Name == d.Key ? "" : d.Name, d.Vendor ?? "", d.Model ?? "", d.FirmwareVersion ?? "", d.Type == "Unknown" ? "" : d.Type, d.PurdueLevel,
                d.Internet, d.ProgrammingDevice, protocols, Time(d.FirstSeen), Time(d.LastSeen)));
        }
        var connections = new List<ReportConnection>();
        foreach (var c in store.GetConnections(new ConnectionQuery()))
        {
            var commands = string.Join("; ", c.Protocols.Where(p => p.Commands.Count > 0)
                .Select(p => p.Name + ": " + string.Join(", ", p.Commands.Take(6)) + (p.Commands.Count > 6 ? ", …" : "")));
            connections.Add(new ReportConnection(c.FirstDeviceId, c.SecondDeviceId, [.. c.Protocols.Select(p => p.Name)], c.Ports, c.Packets, commands, c.Bytes));
        }
        var alerts = new List<ReportAlert>();
        foreach (var a in store.GetAlerts(new AlertQuery()).Items)
        {
            // Names the store got from AlertNames; an unknown one (a newer catalogue) reads as the first of its kind.
            if (!AlertNames.TryParseEngine(a.Engine, out var engine)) engine = default;
            if (!AlertNames.TryParseSeverity(a.Severity, out var severity)) severity = default;
            alerts.Add(new ReportAlert((int)a.Id, a.Type, a.Title, engine, severity, Time(a.Time), a.SourceDeviceAddress ?? "", a.DestinationDeviceAddress ?? "",
                a.SourceDevice ?? 0, a.DestinationDevice ?? 0, a.Message, string.Join(" ", a.RemediationSteps), string.Join(", ", a.Mitre.Select(m => m.Id)),
                a.Status is AlertStatuses.New or AlertStatuses.Acknowledged, a.Protocol ?? ""));
        }
        var events = new List<ReportEvent>();
        foreach (var e in store.GetEvents(new EventQuery { Limit = 10_000 }).Items)
        {
            if (!EventTypes.TryGetValue(e.Type, out var type)) continue;
            if (type is TimelineEventType.DeviceCreate or TimelineEventType.AlertReported or TimelineEventType.DeviceConnectionCreated) continue;
            events.Add(new ReportEvent(Time(e.Timestamp), type, e.Content, e.SourceAddress ?? "", e.DestinationAddress ?? ""));
        }
        events.Reverse();
        DateTime? start = devices.Count == 0 ? null : devices.Min(d => d.FirstSeen);
        DateTime? end = devices.Count == 0 ? null : devices.Max(d => d.LastSeen);
        return new ReportInput
        {
            Site = site,
            Sensor = Environment.MachineName,
            CaptureStart = start,
            CaptureEnd = end,
            Generated = DateTime.UtcNow,
            Sources = [.. store.GetCaptures().Select(c => c.Name)],
            DetectionRan = true,
            Devices = devices,
            Connections = connections,
            Alerts = alerts,
            Events = events,
        };
    }

    private static DateTime Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;

    private static Dictionary<string, TimelineEventType> BuildEventTypes()
    {
        var map = new Dictionary<string, TimelineEventType>(StringComparer.Ordinal);
        foreach (var type in Enum.GetValues<TimelineEventType>()) map.TryAdd(TimelineEventNames.Type(type), type);
        return map;
    }
}
