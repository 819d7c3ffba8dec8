using OtSensor.Analysis.Statistics;
using OtSensor.Engine;
using OtSensor.Outputs.Files;

namespace OtSensor.Cli;

/// <summary>The files every run leaves in its output folder besides the event logs: devices, connections, summary.</summary>
internal static class RunOutputs
{
    public static void Write(string outputDirectory, CaptureAnalyzer analyzer, TrafficSummary summary)
    {
        WriteJson(Path.Combine(outputDirectory, "devices.json"), s => InventoryJsonWriter.WriteDevices(s, analyzer.Inventory));
        WriteJson(Path.Combine(outputDirectory, "connections.json"), s => InventoryJsonWriter.WriteConnections(s, analyzer.Inventory));
        WriteJson(Path.Combine(outputDirectory, "summary.json"), s => SummaryJsonWriter.Write(s, summary));
    }

    private static void WriteJson(string path, Action<Stream> write)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        write(stream);
    }
}
