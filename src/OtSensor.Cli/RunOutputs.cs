using OtSensor.Analysis.Statistics;
using OtSensor.Engine;
using OtSensor.Outputs.Files;
using OtSensor.Outputs.Files.Map;

namespace OtSensor.Cli;

/// <summary>The files every run leaves in its output folder besides the event logs: devices, connections, summary.</summary>
internal static class RunOutputs
{
    public static void Write(string outputDirectory, CaptureAnalyzer analyzer, TrafficSummary summary)
    {
        WriteJson(Path.Combine(outputDirectory, "devices.json"), s => InventoryJsonWriter.WriteDevices(s, analyzer.Inventory));
        WriteJson(Path.Combine(outputDirectory, "connections.json"), s => InventoryJsonWriter.WriteConnections(s, analyzer.Inventory));
        WriteJson(Path.Combine(outputDirectory, "summary.json"), s => SummaryJsonWriter.Write(s, summary));
        var devices = analyzer.Inventory.Devices;
        var connections = analyzer.Inventory.Connections;
        WriteJson(Path.Combine(outputDirectory, "map.svg"), s => SvgMapWriter.Write(s, DeviceMapLayout.Create(devices), connections));
        WriteJson(Path.Combine(outputDirectory, "map.graphml"), s => GraphMlWriter.Write(s, devices, connections));
    }

    private static void WriteJson(string path, Action<Stream> write)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        write(stream);
    }
}
