using OtSensor.Analysis.Detection;
using OtSensor.Analysis.Inventory;
using OtSensor.Core.Protocols;
using OtSensor.Engine;
using OtSensor.Outputs.Files;
using OtSensor.Outputs.Store;

namespace OtSensor.Server;

/// <summary>
/// Copies the state of a running <see cref="CaptureAnalyzer"/> into an <see cref="AnalysisSnapshot"/> for the store:
/// devices through <see cref="DeviceApiFields"/> (the mapping devices.json uses), connections and alerts as
/// connections.json and alerts.json name them, and the timeline events not taken before.
/// </summary>
/// <remarks>Called on the analyzer's own thread (its progress callback), so it reads a consistent state without locks.</remarks>
internal sealed class SnapshotBuilder(long runId, SubnetPlan subnets)
{
    private int _eventsTaken;
    private long _frames;
    private long _bytes;

    public long RunId => runId;

    /// <param name="analyzer">The run, on its own thread.</param>
    /// <param name="pcaps">Alert PCAP paths by the run's alert id (the final snapshot).</param>
    /// <param name="baseline">The learned baseline text (the final snapshot).</param>
    /// <param name="final">The run ended: its inventory is complete and merged.</param>
    public AnalysisSnapshot Build(CaptureAnalyzer analyzer, IReadOnlyDictionary<int, string>? pcaps = null, string? baseline = null, bool final = false)
    {
        var inventory = analyzer.Inventory;
        var devices = new List<DeviceRecord>(inventory.Devices.Count);
        foreach (var d in inventory.Devices)
            if (d.MergedInto is null) devices.Add(Device(d, subnets.Of(d)));
        var connections = new List<ConnectionRecord>(inventory.Connections.Count);
        foreach (var c in inventory.Connections) connections.Add(Connection(c));
        var alerts = new List<AlertRecord>();
        var events = new List<EventRecord>();
        if (analyzer.Detection is { } detection)
        {
            foreach (var a in detection.Alerts.Alerts) alerts.Add(Alert(a, pcaps));
            var timeline = detection.Timeline.Events;
            for (int i = _eventsTaken; i < timeline.Count; i++) events.Add(Event(timeline[i], i));
            _eventsTaken = timeline.Count;
        }
        long frames = analyzer.Pipeline.Frames, bytes = analyzer.Pipeline.Bytes;
        var snapshot = new AnalysisSnapshot
        {
            RunId = runId,
            Devices = devices,
            Connections = connections,
            Alerts = alerts,
            Events = events,
            PacketsDelta = frames - _frames,
            BytesDelta = bytes - _bytes,
            TrafficMinute = analyzer.Pipeline.LastPacket?.UnixMilliseconds,
            Baseline = baseline,
            Final = final,
        };
        _frames = frames;
        _bytes = bytes;
        return snapshot;
    }

    private static DeviceRecord Device(Device d, Subnet? subnet)
    {
        var e = d.Evidence;
        var firmware = DeviceApiFields.Firmware(d);
        var protocols = new List<DeviceProtocolRecord>();
        foreach (var p in DeviceApiFields.Protocols(d))
            protocols.Add(new DeviceProtocolRecord(p.Id, p.Name, p.Protocol, p.Addresses, p.Roles, p.Source, p.Confidence));
        var evidence = new List<DeviceEvidenceRecord>();
        foreach (var (attribute, name) in DeviceApiFields.EvidenceAttributes)
        {
            var item = e[attribute];
            if (item.HasValue) evidence.Add(new DeviceEvidenceRecord(name, item.Value!, item.Source!, item.Detail, item.Confidence));
        }
        var ips = new List<string>(d.Addresses.Count);
        foreach (var a in d.Addresses) ips.Add(a.ToString());
        var macs = new List<string>(d.Macs.Count);
        foreach (var m in d.Macs) macs.Add(m.ToString());
        return new DeviceRecord
        {
            Id = d.Id,
            Key = d.PrimaryAddress,
            Name = DeviceApiFields.Name(d),
            IpAddresses = ips,
            MacAddresses = macs,
            Vendor = e.Value(DeviceAttribute.Vendor),
            OperatingSystem = e.Value(DeviceAttribute.OperatingSystem),
            Type = DeviceApiFields.Type(d),
            EngineeringStation = DeviceApiFields.EngineeringStation(d),
            ProgrammingDevice = d.IsProgrammingDevice,
            Internet = d.IsInternet,
            PurdueLevel = d.PurdueLevel,
            Subnet = subnet?.Cidr,
            SubnetName = subnet?.Name,
            FirstSeen = d.FirstSeen.UnixMilliseconds,
            LastSeen = d.LastSeen.UnixMilliseconds,
            PacketsSent = d.PacketsSent,
            PacketsReceived = d.PacketsReceived,
            BytesSent = d.BytesSent,
            BytesReceived = d.BytesReceived,
            Model = firmware is null || firmware.Model == DeviceApiFields.NotAvailable ? null : firmware.Model,
            FirmwareVersion = firmware is null || firmware.FirmwareVersion == DeviceApiFields.NotAvailable ? null : firmware.FirmwareVersion,
            Protocols = protocols,
            Firmware = firmware is null ? [] :
                [new DeviceFirmwareRecord(firmware.Address, firmware.ModuleAddress, firmware.Serial, firmware.Model, firmware.FirmwareVersion,
                    firmware.AdditionalData, firmware.Rack, firmware.Slot)],
            Evidence = evidence,
        };
    }

    /// <summary>As connections.json: decoded protocols by short name with their commands, then port-guessed ones.</summary>
    private static ConnectionRecord Connection(Connection c)
    {
        var protocols = new List<ConnectionProtocolRecord>();
        foreach (var (protocol, commands) in c.Protocols) protocols.Add(new ConnectionProtocolRecord(ProtocolNames.Get(protocol), [.. commands]));
        foreach (var label in c.PortLabels)
        {
            bool decoded = false;
            foreach (var (protocol, _) in c.Protocols) decoded |= ProtocolNames.Get(protocol) == label.Protocol;
            if (!decoded) protocols.Add(new ConnectionProtocolRecord(label.Label, []));
        }
        var ports = new List<int>(c.Ports.Count);
        foreach (var p in c.Ports) ports.Add(p);
        return new ConnectionRecord
        {
            FirstDeviceId = Root(c.First).Id,
            SecondDeviceId = Root(c.Second).Id,
            Discovered = c.Discovered.UnixMilliseconds,
            LastSeen = c.LastSeen.UnixMilliseconds,
            Ports = ports,
            Protocols = protocols,
            Packets = c.Packets,
            Bytes = c.Bytes,
        };
    }

    /// <summary>As alerts.json (§9.2 v2 fields, catalogue type, status, MITRE, protocol, count).</summary>
    private static AlertRecord Alert(Alert a, IReadOnlyDictionary<int, string>? pcaps)
    {
        var type = a.Type;
        var information = new List<string>(1);
        if (a.Arguments.Protocol != ProtocolId.Unknown)
            information.Add(a.Arguments.Port > 0 ? $"{ProtocolNames.Get(a.Arguments.Protocol)} over port {a.Arguments.Port}" : ProtocolNames.Get(a.Arguments.Protocol));
        else if (a.Arguments.Port > 0)
            information.Add($"{a.Destination} over port {a.Arguments.Port}");
        var mitre = new List<MitreRecord>(type.Mitre.Count);
        foreach (var m in type.Mitre) mitre.Add(new MitreRecord(m.Id, m.Name));
        return new AlertRecord
        {
            Id = a.Id,
            Time = a.FirstTime.UnixMilliseconds,
            LastTime = a.LastTime.UnixMilliseconds,
            Title = type.Title,
            Message = a.RenderMessage(),
            Severity = AlertNames.Severity(type.Severity),
            Engine = AlertNames.Engine(type.Engine),
            SourceDevice = a.SourceDeviceId > 0 ? a.SourceDeviceId : null,
            DestinationDevice = a.DestinationDeviceId > 0 ? a.DestinationDeviceId : null,
            SourceDeviceAddress = a.Source.IsNone ? null : a.Source.ToString(),
            DestinationDeviceAddress = a.Destination.IsNone ? null : a.Destination.ToString(),
            RemediationSteps = a.RenderRemediation(),
            Description = type.Category,
            Information = information,
            Type = type.Id,
            Category = type.Category,
            Status = Status(a.Status),
            Learned = a.Status == AlertStatus.Learned,
            Count = a.Count,
            Protocol = a.Arguments.Protocol == ProtocolId.Unknown ? null : ProtocolNames.Get(a.Arguments.Protocol),
            Mitre = mitre,
            PcapPath = pcaps is not null && pcaps.TryGetValue(a.Id, out var path) ? path : null,
        };
    }

    private static string Status(AlertStatus status) => status switch
    {
        AlertStatus.Acknowledged => AlertStatuses.Acknowledged,
        AlertStatus.Closed or AlertStatus.Learned => AlertStatuses.Closed,
        AlertStatus.Muted => AlertStatuses.Muted,
        _ => AlertStatuses.New,
    };

    private static EventRecord Event(TimelineEvent e, int sequence) => new()
    {
        Sequence = sequence,
        Timestamp = e.Time.UnixMilliseconds,
        Type = TimelineEventNames.Type(e.Type),
        Title = TimelineEventNames.Title(e.Type),
        Severity = TimelineEventNames.Severity(e.Type),
        Content = e.Content,
        SourceAddress = e.Source.IsNone ? null : e.Source.ToString(),
        DestinationAddress = e.Destination.IsNone ? null : e.Destination.ToString(),
        AlertId = e.AlertId > 0 ? e.AlertId : null,
    };

    private static Device Root(Device device)
    {
        while (device.MergedInto is { } next) device = next;
        return device;
    }
}
