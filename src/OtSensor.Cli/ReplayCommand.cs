using System.CommandLine;
using System.Globalization;
using OtSensor.Analysis.Inventory;
using OtSensor.Core.Protocols;
using OtSensor.Engine;
using OtSensor.Engine.Replay;
using OtSensor.Outputs.Files;
using Spectre.Console;

namespace OtSensor.Cli;

/// <summary>
/// <c>otsensor replay &lt;capture&gt;... --speed 1x|10x|max [--loop] [--out DIR]</c>: plays captures into the engine
/// paced by their timestamps, with a live view of the devices, protocols and PDUs as they appear (sensor-reference
/// §6, "Play PCAP"). On a terminal the view redraws in place; redirected, it prints one progress line a second.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("captures") { Description = "Capture files or folders, played in order.", Arity = ArgumentArity.OneOrMore };
        var speed = new Option<string>("--speed") { Description = "1x (real time), 10x, 0.5x, ... or max.", DefaultValueFactory = _ => "1x" };
        var loop = new Option<bool>("--loop") { Description = "Start again at the end (stop with Ctrl+C)." };
        var output = new Option<string>("--out", "-o") { Description = "Folder for the event log, devices, connections and summary.", DefaultValueFactory = _ => "otsensor-replay" };
        var command = new Command("replay", "Play captures into the sensor paced by their timestamps, with a live view (the PCAP player).");
        command.Arguments.Add(inputs);
        command.Options.Add(speed);
        command.Options.Add(loop);
        command.Options.Add(output);
        command.SetAction(parse => Run(parse.GetValue(inputs)!, parse.GetValue(speed)!, parse.GetValue(loop), parse.GetValue(output)!));
        return command;
    }

    private static int Run(string[] inputs, string speedText, bool loop, string outputDirectory)
    {
        if (!TryParseSpeed(speedText, out double speed))
        {
            Console.Error.WriteLine($"otsensor: cannot read speed '{speedText}' (use 1x, 10x, 0.5x or max)");
            return ExitCodes.BadUsage;
        }
        try
        {
            Directory.CreateDirectory(outputDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"otsensor: cannot create output folder '{outputDirectory}': {e.Message}");
            return ExitCodes.BadUsage;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var log = EventLogWriter.Create(outputDirectory);
        using var analyzer = new CaptureAnalyzer(new EngineOptions(), log);
        var player = new CapturePlayer(analyzer);
        Analysis.Statistics.TrafficSummary summary;
        using (log)
        {
            if (Console.IsOutputRedirected)
            {
                summary = player.Play(inputs, new ReplayOptions(speed, loop) { ProgressInterval = TimeSpan.FromSeconds(1) }, p => Console.WriteLine(Line(p)), cancel.Token);
            }
            else
            {
                summary = null!;
                AnsiConsole.Live(View(default, analyzer)).AutoClear(false).Start(ctx =>
                {
                    summary = player.Play(inputs, new ReplayOptions(speed, loop), p =>
                    {
                        ctx.UpdateTarget(View(p, analyzer));
                        ctx.Refresh();
                    }, cancel.Token);
                });
            }
        }
        RunOutputs.Write(outputDirectory, analyzer, summary);
        if (!summary.AnythingUsable)
        {
            Console.Error.WriteLine("otsensor: nothing usable was read: " + string.Join("; ", summary.Files.Select(f => $"{f.Path}: {f.Error ?? "no frames"}").Take(3)));
            return ExitCodes.NothingUsable;
        }
        Console.WriteLine($"replay done: {summary.Frames:N0} frames, {analyzer.Inventory.Devices.Count} devices, {analyzer.Pipeline.TotalPdus:N0} PDUs; output in {outputDirectory}");
        return ExitCodes.Ok;
    }

    /// <summary>One plain progress line (redirected output).</summary>
    private static string Line(ReplayProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"replay wall {p.Wall.TotalSeconds:F1}s capture {Clock(p.CaptureElapsed)}/{Clock(p.CaptureSpan)} pass {p.Pass + 1} frames {p.Frames} devices {p.Devices} connections {p.Connections} pdus {p.Pdus}");

    private static Table View(ReplayProgress p, CaptureAnalyzer analyzer)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]otsensor replay[/]");
        table.AddColumn("capture time");
        table.AddColumn(new TableColumn("frames").RightAligned());
        table.AddColumn(new TableColumn("devices").RightAligned());
        table.AddColumn(new TableColumn("connections").RightAligned());
        table.AddColumn(new TableColumn("PDUs").RightAligned());
        table.AddRow(
            $"{Clock(p.CaptureElapsed)} / {Clock(p.CaptureSpan)}{(p.Pass > 0 ? $" (pass {p.Pass + 1})" : "")}",
            p.Frames.ToString("N0", CultureInfo.InvariantCulture), p.Devices.ToString(CultureInfo.InvariantCulture),
            p.Connections.ToString(CultureInfo.InvariantCulture), p.Pdus.ToString("N0", CultureInfo.InvariantCulture));
        var protocols = new Table().Border(TableBorder.None).AddColumn("protocol").AddColumn(new TableColumn("PDUs").RightAligned());
        foreach (ProtocolId id in Enum.GetValues<ProtocolId>())
        {
            long count = analyzer.Pipeline.PduCount(id);
            if (count > 0) protocols.AddRow(Markup.Escape(ProtocolDisplayNames.Get(id)), count.ToString("N0", CultureInfo.InvariantCulture));
        }
        var devices = new Table().Border(TableBorder.None).AddColumn("newest devices").AddColumn("vendor");
        var list = analyzer.Inventory.Devices;
        for (int i = list.Count - 1; i >= Math.Max(0, list.Count - 8); i--)
            devices.AddRow(Markup.Escape(list[i].PrimaryAddress), Markup.Escape(list[i].Evidence.Value(DeviceAttribute.Vendor) ?? ""));
        return new Table().Border(TableBorder.None).AddColumn("").AddRow(table).AddRow(new Columns(protocols, devices));
    }

    private static string Clock(TimeSpan t) => t.ToString(t.TotalHours >= 1 ? @"h\:mm\:ss" : @"mm\:ss", CultureInfo.InvariantCulture);

    private static bool TryParseSpeed(string text, out double speed)
    {
        speed = 0;
        text = text.Trim().ToLowerInvariant();
        if (text == "max") return true;
        if (text.EndsWith('x')) text = text[..^1];
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out speed) && speed > 0 && speed <= 100_000;
    }
}
