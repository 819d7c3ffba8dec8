using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using OtSensor.Simulation;
using OtSensor.Simulation.Scenarios;

namespace OtSensor.Cli;

/// <summary>
/// <c>otsensor simulate --scenario &lt;name&gt; --duration &lt;time&gt; --seed &lt;n&gt; --out &lt;file.pcapng&gt;</c>: writes a
/// deterministic plant capture and, beside it, <c>&lt;file&gt;.manifest.json</c> with the storyline and PDU counts.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var scenario = new Option<string>("--scenario", "-s")
        {
            Description = "Storyline: " + string.Join(", ", ScenarioCatalog.All.Select(s => s.Name)) + ".",
            DefaultValueFactory = _ => "baseline",
        };
        var duration = new Option<string>("--duration", "-d")
        {
            Description = "Capture length: 90s, 10m, 1h, or a number of seconds.",
            DefaultValueFactory = _ => "10m",
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the plant and its traffic: same seed, same bytes.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out", "-o") { Description = "The pcapng file to write.", DefaultValueFactory = _ => "plant.pcapng" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No summary on the console." };

        var command = new Command("simulate", "Generate a deterministic plant capture (pcapng) with an attack storyline and its manifest.");
        command.Options.Add(scenario);
        command.Options.Add(duration);
        command.Options.Add(seed);
        command.Options.Add(output);
        command.Options.Add(quiet);
        command.SetAction(parse => Run(parse.GetValue(scenario)!, parse.GetValue(duration)!, parse.GetValue(seed), parse.GetValue(output)!, parse.GetValue(quiet)));
        return command;
    }

    private static int Run(string scenarioName, string durationText, int seed, string output, bool quiet)
    {
        var scenario = ScenarioCatalog.Find(scenarioName);
        if (scenario is null)
        {
            Console.Error.WriteLine($"otsensor: unknown scenario '{scenarioName}' (one of: {string.Join(", ", ScenarioCatalog.All.Select(s => s.Name))})");
            return ExitCodes.BadUsage;
        }
        if (!TryParseDuration(durationText, out var duration))
        {
            Console.Error.WriteLine($"otsensor: cannot read duration '{durationText}' (use e.g. 90s, 10m, 1h or seconds; between 10 s and 24 h)");
            return ExitCodes.BadUsage;
        }
        var manifestPath = ManifestPath(output);
        var stopwatch = Stopwatch.StartNew();
        SimulationResult result;
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(output));
            if (folder is not null) Directory.CreateDirectory(folder);
            using (var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16))
                result = SimulationRunner.Run(scenario, duration, seed, file);
            var command = string.Create(CultureInfo.InvariantCulture, $"otsensor simulate --scenario {scenario.Name} --duration {durationText} --seed {seed} --out {Path.GetFileName(output)}");
            using var manifest = new FileStream(manifestPath, FileMode.Create, FileAccess.Write);
            result.Manifest.Write(manifest, command, result.Frames);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"otsensor: cannot write '{output}': {e.Message}");
            return ExitCodes.BadUsage;
        }
        if (!quiet)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{scenario.Name}: {duration} of plant traffic, {result.Manifest.Devices.Count} devices, {result.Frames:N0} frames, {result.Bytes / 1e6:F1} MB in {stopwatch.Elapsed.TotalSeconds:F1} s"));
            Console.WriteLine($"  capture:  {output}");
            Console.WriteLine($"  manifest: {manifestPath} ({result.Manifest.Steps.Count} attack steps)");
        }
        return ExitCodes.Ok;
    }

    /// <summary><c>plant.pcapng</c> → <c>plant.manifest.json</c>.</summary>
    public static string ManifestPath(string capture) => Path.ChangeExtension(capture, null) + ".manifest.json";

    private static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        text = text.Trim();
        if (text.Length == 0) return false;
        char unit = char.ToLowerInvariant(text[^1]);
        double scale = unit switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => 0 };
        var number = scale == 0 ? text : text[..^1];
        if (scale == 0) scale = 1;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return false;
        duration = TimeSpan.FromSeconds(value * scale);
        return duration >= TimeSpan.FromSeconds(10) && duration <= TimeSpan.FromHours(24);
    }
}
