using OtSensor.Analysis.Statistics;
using OtSensor.Engine;
using OtSensor.Outputs.Files;

namespace OtSensor.Integration.Tests;

/// <summary>Runs the engine over captures into a fresh temporary output folder, as <c>otsensor analyze</c> does.</summary>
internal sealed class AnalyzeRunner : IDisposable
{
    public AnalyzeRunner(params string[] inputs)
    {
        OutputDirectory = Directory.CreateTempSubdirectory("otsensor-test-").FullName;
        using (var log = EventLogWriter.Create(OutputDirectory))
        {
            Analyzer = new CaptureAnalyzer(new EngineOptions(), log);
            Summary = Analyzer.Run(inputs);
        }
        using (var devices = File.Create(Path.Combine(OutputDirectory, "devices.json")))
            InventoryJsonWriter.WriteDevices(devices, Analyzer.Inventory);
        using (var connections = File.Create(Path.Combine(OutputDirectory, "connections.json")))
            InventoryJsonWriter.WriteConnections(connections, Analyzer.Inventory);
    }

    public string OutputDirectory { get; }
    public CaptureAnalyzer Analyzer { get; }
    public TrafficSummary Summary { get; }
    public string EventsPath => Path.Combine(OutputDirectory, "events.jsonl");

    public void Dispose()
    {
        try { Directory.Delete(OutputDirectory, recursive: true); }
        catch (IOException) { }
    }
}
