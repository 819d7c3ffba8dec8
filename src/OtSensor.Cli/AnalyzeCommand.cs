using OtSensor.Core.Time;
using OtSensor.Analysis.Inventory;
using System.CommandLine;
using OtSensor.Analysis.Detection;
using OtSensor.Analysis.Statistics;
using OtSensor.Engine;
using OtSensor.Outputs.Files;
using Spectre.Console;

namespace OtSensor.Cli;

/// <summary>
/// <c>otsensor analyze &lt;capture-or-folder&gt;... --out &lt;dir&gt;</c>: replays captures through the engine and writes
/// events.jsonl, anomalies.jsonl, devices.json, connections.json, summary.json and, from detection, alerts.json,
/// alerts/&lt;id&gt;.pcap, timeline.json and baseline.json, then prints a short summary.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("captures")
        {
            Description = "Capture files (pcap, pcapng) or folders of them, read in the order given as one capture.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Folder for events.jsonl, anomalies.jsonl, devices.json, connections.json and summary.json.",
            DefaultValueFactory = _ => "otsensor-out",
        };
        var noEvents = new Option<bool>("--no-events") { Description = "Do not write events.jsonl (decode, inventory and summary only)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display and no summary on the console." };
        var learn = new Option<string?>("--learn")
        {
            Description = "Learning window in capture time from the first packet (e.g. 90s, 2m, 1h; 0 = none). Default 1m, or 0 with --baseline.",
        };
        var baseline = new Option<string?>("--baseline") { Description = "Start from this baseline.json (written by an earlier run) instead of an empty one." };
        var alertRules = new Option<string?>("--alert-rules") { Description = "JSON file overriding alert catalogue entries by id (enabled, severity, thresholds, message...)." };
        var indicators = new Option<string?>("--indicators") { Description = "JSON file of known-bad IP addresses and domains added to the built-in ones (format: src/OtSensor.Analysis/Detection/indicators.json)." };
        var noDetection = new Option<bool>("--no-detection") { Description = "Run no detection (no alerts.json, timeline.json or baseline.json)." };
        var forward = new Option<string[]>("--forward")
        {
            Description = "Send the alerts to eventhubs:<connection-string>|eventhubs:env:VAR or syslog:udp|tcp|tls://host:port (repeatable; see 'otsensor forward').",
            Arity = ArgumentArity.ZeroOrMore,
        };

        var forwardConfig = new Option<string?>("--forward-config") { Description = "Forwarding configuration (JSON; see 'otsensor forward --config'): its targets, rules, records and outbox are used." };

        var subnets = new Option<string?>("--subnets")
        {
            Description = "The plant's subnets as [name=]cidr,... (e.g. control=10.10.10.0/24,dmz=172.16.0.0/16); addresses outside them are grouped in learned /24s (/64s).",
        };

        var command = new Command("analyze", "Analyse capture files: decode protocols, build the device inventory, write the event log.");
        command.Arguments.Add(inputs);
        command.Options.Add(output);
        command.Options.Add(noEvents);
        command.Options.Add(quiet);
        command.Options.Add(learn);
        command.Options.Add(baseline);
        command.Options.Add(alertRules);
        command.Options.Add(indicators);
        command.Options.Add(noDetection);
        command.Options.Add(forward);
        command.Options.Add(forwardConfig);
        command.Options.Add(subnets);
        var forwardRule = new ForwardRun.RuleOptions("forward-");
        forwardRule.AddTo(command);
        command.SetAction(parse =>
        {
            string? error = null;
            var forwardSpecs = parse.GetValue(forward) ?? [];
            var forwardConfigPath = parse.GetValue(forwardConfig);
            var forwarding = forwardSpecs.Length == 0 && forwardConfigPath is null ? null
                : ForwardRun.Prepare(forwardConfigPath, forwardSpecs, forwardRule, parse, "--forward-config", out error);
            if (error is not null)
            {
                Console.Error.WriteLine($"otsensor: --forward: {error}");
                return ExitCodes.BadUsage;
            }
            if (!SubnetPlan.TryParse(parse.GetValue(subnets), out var plan, out error))
            {
                Console.Error.WriteLine($"otsensor: --subnets: {error}");
                return ExitCodes.BadUsage;
            }
            var detection = parse.GetValue(noDetection) ? null
                : DetectionSettings(parse.GetValue(learn), parse.GetValue(baseline), parse.GetValue(alertRules), parse.GetValue(indicators), out error);
            if (error is not null)
            {
                Console.Error.WriteLine($"otsensor: {error}");
                return ExitCodes.BadUsage;
            }
            if (forwarding is not null && detection is null)
            {
                forwarding.DisposeSenders();
                Console.Error.WriteLine("otsensor: --forward needs detection (drop --no-detection)");
                return ExitCodes.BadUsage;
            }
            int status = Run(parse.GetValue(inputs)!, parse.GetValue(output)!, !parse.GetValue(noEvents), parse.GetValue(quiet), detection, plan);
            if (forwarding is not null)
            {
                if (status != ExitCodes.Ok) forwarding.DisposeSenders();
                else ForwardAlerts(parse.GetValue(output)!, forwarding, parse.GetValue(quiet));
            }
            return status;
        });
        return command;
    }

    /// <summary>Sends the run's alerts.json through the outbox in the output folder (a link that is down leaves them
    /// there for <c>otsensor forward</c>; the analysis result stands either way).</summary>
    private static void ForwardAlerts(string outputDirectory, ForwardPlan plan, bool quiet)
    {
        var alerts = Path.Combine(outputDirectory, "alerts.json");
        ForwardRun.Run(alerts, plan.OutboxPath ?? Path.Combine(outputDirectory, "outbox.db"), plan, plan.Sensor ?? Environment.MachineName, TimeSpan.FromSeconds(30), quiet, out var error);
        if (error is not null) Console.Error.WriteLine($"otsensor: forward: {error}");
    }

    /// <summary>Detection options from the command line; null and a one-line error when a value or file is bad.</summary>
    private static DetectionOptions? DetectionSettings(string? learn, string? baselinePath, string? alertRules, string? indicators, out string? error)
    {
        error = null;
        TimeSpan? learning = null;
        if (learn is not null)
        {
            if (!DurationText.TryParse(learn, out var parsed))
            {
                error = $"--learn: '{learn}' is not a duration (e.g. 90s, 2m, 1h, 0)";
                return null;
            }
            learning = parsed;
        }
        try
        {
            var catalogue = alertRules is null ? AlertCatalogue.Default : AlertCatalogue.WithOverrides(alertRules);
            Baseline? baseline = null;
            if (baselinePath is not null)
            {
                using var stream = File.OpenRead(baselinePath);
                baseline = BaselineFile.Read(stream, baselinePath);
            }
            return new DetectionOptions
            {
                Catalogue = catalogue,
                Indicators = indicators is null ? IndicatorSet.Default : IndicatorSet.WithFile(indicators),
                Baseline = baseline,
                // A saved baseline is the learned state: start operational unless told to learn more.
                Learning = learning ?? (baseline is null ? DetectionOptions.DefaultLearning : TimeSpan.Zero),
                NewcomerLearning = learning ?? DetectionOptions.DefaultLearning,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            error = e.Message;
            return null;
        }
    }

    private static int Run(string[] inputs, string outputDirectory, bool writeEvents, bool quiet, DetectionOptions? detection, SubnetPlan subnets)
    {
        try
        {
            Directory.CreateDirectory(outputDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"otsensor: cannot create output folder '{outputDirectory}': {e.Message}");
            return ExitCodes.BadUsage;
        }

        TrafficSummary summary;
        var log = EventLogWriter.Create(outputDirectory, writeEvents);
        using var analyzer = new CaptureAnalyzer(new EngineOptions { Detection = detection }, log);
        using (log)
        {
            summary = quiet || Console.IsErrorRedirected
                ? analyzer.Run(inputs)
                : RunWithProgress(analyzer, inputs);
        }

        RunOutputs.Write(outputDirectory, analyzer, summary, subnets);

        if (!summary.AnythingUsable)
        {
            var problems = summary.Files.Select(f => $"{f.Path}: {f.Error ?? "no frames"}").ToList();
            var reasons = problems.Count == 0 ? "no input files"
                : string.Join("; ", problems.Take(3)) + (problems.Count > 3 ? $"; and {problems.Count - 3} more" : "");
            Console.Error.WriteLine($"otsensor: nothing usable was read: {reasons}");
            return ExitCodes.NothingUsable;
        }
        // A capture that broke is worth a line each; files that are not captures at all (truth files, notes
        // in a folder of captures) are counted in one line and listed in summary.json.
        foreach (var file in summary.Files.Where(f => f.Error is not null && f.Format is not null))
            Console.Error.WriteLine($"otsensor: {file.Path}: {file.Error}{(file.Frames > 0 ? $" (kept the {file.Frames:N0} frames before it)" : "")}");
        int notCaptures = summary.Files.Count(f => f.Format is null);
        if (notCaptures > 0)
            Console.Error.WriteLine($"otsensor: skipped {notCaptures} input{(notCaptures == 1 ? "" : "s")} that {(notCaptures == 1 ? "is" : "are")} not a capture (see summary.json)");
        if (!quiet) ConsoleSummary.Print(summary, outputDirectory);
        return ExitCodes.Ok;
    }

    private static TrafficSummary RunWithProgress(CaptureAnalyzer analyzer, string[] inputs)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        TrafficSummary? summary = null;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new TransferSpeedColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("reading", maxValue: 1);
                summary = analyzer.Run(inputs, p =>
                {
                    task.MaxValue = Math.Max(1, p.TotalBytes);
                    task.Value = p.BytesRead;
                    task.Description = Markup.Escape(Path.GetFileName(p.CurrentFile));
                });
            });
        return summary!;
    }
}
