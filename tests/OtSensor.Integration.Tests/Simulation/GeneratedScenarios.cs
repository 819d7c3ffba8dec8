using System.Diagnostics;
using System.Text.Json;
using OtSensor.Simulation;
using OtSensor.Simulation.Scenarios;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Simulation;

/// <summary>
/// Each scenario generated once per test run (three minutes of plant, fixed seed), analysed by the engine and
/// dissected by tshark through the shared truth tool, so every test reads the same files.
/// </summary>
public sealed class GeneratedScenarios : IDisposable
{
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(3);
    private readonly string _folder = Directory.CreateTempSubdirectory("otsensor-sim-").FullName;
    private readonly Dictionary<(string, int), Generated> _cache = [];
    private readonly Lock _lock = new();

    public sealed record Generated(string Capture, JsonElement Manifest, AnalyzeResult Analysis, string TruthCapture);

    /// <summary>What the engine made of a capture, kept after its temporary folder is gone.</summary>
    public sealed record AnalyzeResult(IReadOnlyList<JsonElement> Events, JsonElement Devices, long AnomalyCount);

    public Generated Get(string scenario, int seed)
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
            AnalyzeResult analysis;
            using (var run = new AnalyzeRunner(capture))
            {
                using var devices = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.OutputDirectory, "devices.json")));
                analysis = new AnalyzeResult([.. Conformance.EventLog.Read(run.EventsPath)], devices.RootElement.Clone(),
                    File.ReadLines(Path.Combine(run.OutputDirectory, "anomalies.jsonl")).LongCount());
            }
            MakeTruth(capture);
            var generated = new Generated(capture, manifest.RootElement.Clone(), analysis, capture);
            _cache[(scenario, seed)] = generated;
            return generated;
        }
    }

    /// <summary>Runs ../shared/tools/tshark_truth.py, which writes <c>&lt;capture&gt;.tshark.json</c> beside the capture.</summary>
    private void MakeTruth(string capture)
    {
        var tools = Path.GetFullPath(Path.Combine(SharedCaptures.PublicRoot ?? throw new InvalidOperationException("../shared is missing"), "..", "..", "tools"));
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(tools, "tshark_truth.py"));
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add(_folder);
        start.ArgumentList.Add("--force");
        start.ArgumentList.Add(capture);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (!File.Exists(capture + ".tshark.json"))
            throw new InvalidOperationException($"tshark_truth.py made no truth for {capture} (is tshark installed? tests/run-all.sh installs it): {stderr.Result}");
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
