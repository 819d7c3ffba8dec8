using OtSensor.Analysis.Detection;
using OtSensor.Analysis.Inventory;
using OtSensor.Analysis.Statistics;
using OtSensor.Engine;
using OtSensor.Engine.Evidence;
using OtSensor.Outputs.Files;
using OtSensor.Outputs.Files.Map;

namespace OtSensor.Cli;

/// <summary>The files every run leaves in its output folder besides the event logs: devices, connections, subnets, summary, map, detection.</summary>
internal static class RunOutputs
{
    /// <param name="subnets">The configured subnets (<c>--subnets</c>); learned /24s and /64s when null.</param>
    public static void Write(string outputDirectory, CaptureAnalyzer analyzer, TrafficSummary summary, SubnetPlan? subnets = null)
    {
        subnets ??= SubnetPlan.LearnedOnly();
        var report = SubnetReport.Create(analyzer.Inventory, subnets);
        WriteJson(Path.Combine(outputDirectory, "devices.json"), s => InventoryJsonWriter.WriteDevices(s, analyzer.Inventory, subnets));
        WriteJson(Path.Combine(outputDirectory, "connections.json"), s => InventoryJsonWriter.WriteConnections(s, report));
        WriteJson(Path.Combine(outputDirectory, "subnets.json"), s => SubnetJsonWriter.Write(s, report));
        WriteJson(Path.Combine(outputDirectory, "summary.json"), s => SummaryJsonWriter.Write(s, summary));
        var devices = analyzer.Inventory.Devices;
        var connections = analyzer.Inventory.Connections;
        WriteJson(Path.Combine(outputDirectory, "map.svg"), s => SvgMapWriter.Write(s, DeviceMapLayout.Create(devices, subnets), connections));
        WriteJson(Path.Combine(outputDirectory, "map.graphml"), s => GraphMlWriter.Write(s, devices, connections));
        if (analyzer.Detection is { } detection) WriteDetection(outputDirectory, analyzer, detection);
    }

    /// <summary>alerts.json, alerts/&lt;id&gt;.pcap, timeline.json and baseline.json.</summary>
    private static void WriteDetection(string outputDirectory, CaptureAnalyzer analyzer, DetectionEngine detection)
    {
        var alerts = detection.Alerts.Alerts;
        var pcaps = Path.Combine(outputDirectory, "alerts");
        if (Directory.Exists(pcaps))
            foreach (var stale in Directory.EnumerateFiles(pcaps, "*.pcap")) File.Delete(stale);
        var withPcap = AlertPcapWriter.Write(pcaps, analyzer.InputFiles, alerts, seekIndexes: analyzer.SeekIndexes);
        WriteJson(Path.Combine(outputDirectory, "alerts.json"), s => AlertsJsonWriter.Write(s, alerts, analyzer.Inventory, analyzer.InputFiles, "alerts", withPcap));
        WriteJson(Path.Combine(outputDirectory, "timeline.json"), s => TimelineJsonWriter.Write(s, detection.Timeline));
        detection.ExportMuted();
        WriteJson(Path.Combine(outputDirectory, "baseline.json"), s => BaselineFile.Write(s, detection.Baseline));
    }

    private static void WriteJson(string path, Action<Stream> write)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        write(stream);
    }
}
