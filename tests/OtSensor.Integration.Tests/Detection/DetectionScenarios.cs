using System.Text.Json;
using OtSensor.Analysis.Detection;
using OtSensor.Core.Time;
using OtSensor.Engine;
using OtSensor.Simulation;
using OtSensor.Simulation.Scenarios;

namespace OtSensor.Integration.Tests.Detection;

/// <summary>
/// Each scenario generated in-process once per test run (three minutes of plant, as the simulation tests use) and
/// analysed with detection at its defaults (one minute of learning): the manifest and the alerts, kept after the
/// temporary capture is gone.
/// </summary>
public sealed class DetectionScenarios : IDisposable
{
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(3);
    private readonly string _folder = Directory.CreateTempSubdirectory("otsensor-detect-").FullName;
    private readonly Dictionary<(string, int), Run> _cache = [];
    private readonly Lock _lock = new();

    /// <summary>One alert as a test compares it.</summary>
    public sealed record RaisedAlert(string Type, string Title, AlertEngine Engine, string Source, string Destination, Timestamp First, Timestamp Last, long Count)
    {
        public override string ToString() => $"{First} {Title} {Source} -> {Destination} x{Count}";
    }

    /// <summary>A step of the manifest with its attacker and targets as addresses.</summary>
    public sealed record Step(string Name, Timestamp At, string Attacker, IReadOnlyList<string> Targets, IReadOnlyList<string> ExpectedAlerts);

    public sealed record Run(string Scenario, IReadOnlyList<Step> Steps, IReadOnlyList<RaisedAlert> Alerts, Timestamp LearningEnds, string Capture);

    public Run Get(string scenario, int seed)
    {
        lock (_lock)
        {
            if (_cache.TryGetValue((scenario, seed), out var cached)) return cached;
            var capture = Path.Combine(_folder, $"{scenario}-{seed}.pcapng");
            SimulationResult result;
            using (var file = File.Create(capture))
                result = SimulationRunner.Run(ScenarioCatalog.Find(scenario)!, Duration, seed, file);
            using var manifestStream = new MemoryStream();
            result.Manifest.Write(manifestStream, $"test {scenario} {seed}", result.Frames);
            using var manifest = JsonDocument.Parse(manifestStream.ToArray());
            var addresses = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var device in manifest.RootElement.GetProperty("devices").EnumerateArray())
                addresses[device.GetProperty("name").GetString()!] = device.GetProperty("ip").GetString()!;
            string Address(string name) => addresses.TryGetValue(name, out var ip) ? ip : name;
            var steps = new List<Step>();
            foreach (var step in result.Manifest.Steps)
                steps.Add(new Step(step.Name, step.At, Address(step.Attacker), [.. step.Targets.Select(Address)], step.ExpectedAlerts));

            using var analyzer = new CaptureAnalyzer(new EngineOptions(), new NullPduObserver());
            analyzer.Run([capture]);
            var detection = analyzer.Detection!;
            var alerts = detection.Alerts.Alerts
                .Select(a => new RaisedAlert(a.Type.Id, a.Type.Title, a.Type.Engine, a.Source.ToString(), a.Destination.ToString(), a.FirstTime, a.LastTime, a.Count))
                .ToList();
            var run = new Run(scenario, steps, alerts, detection.LearningEnds!.Value, capture);
            _cache[(scenario, seed)] = run;
            return run;
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
