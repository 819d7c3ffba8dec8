using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using OtSensor.Capture.Live;
using OtSensor.Engine;
using OtSensor.Engine.Live;
using OtSensor.Outputs.Files;

namespace OtSensor.Cli;

/// <summary>
/// <c>otsensor capture --interface IF [--interface IF2] [--filter BPF] [--snaplen N] [--buffer-mb N] [--duration T]
/// [--out DIR] [--no-events]</c>: live capture through the analysis pipeline. Ctrl+C or SIGTERM stops it cleanly: everything queued
/// is analysed, open flows are flushed, and the same files as <c>analyze</c> are written, plus capture.json with the
/// capture counters (received, dropped by the kernel, by the interface, by the sensor's queue).
/// </summary>
internal static class CaptureCommand
{
    public static Command Create()
    {
        var interfaces = new Option<string[]>("--interface", "-i")
        {
            Description = "Interface to capture on (repeat for several, e.g. -i eth1 -i eth2).",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var filter = new Option<string?>("--filter", "-f") { Description = "BPF capture filter (pcap-filter syntax), e.g. 'not port 22'." };
        var snaplen = new Option<int>("--snaplen") { Description = "Bytes kept of each frame.", DefaultValueFactory = _ => 65_535 };
        var bufferMb = new Option<int>("--buffer-mb") { Description = "Kernel capture buffer per interface, MiB.", DefaultValueFactory = _ => 64 };
        var queueMb = new Option<int>("--queue-mb") { Description = "Queue between capture and analysis per interface, MiB.", DefaultValueFactory = _ => 64 };
        var immediate = new Option<bool>("--immediate") { Description = "Deliver frames at once instead of by kernel blocks (lower latency, drops sooner)." };
        var noPromiscuous = new Option<bool>("--no-promiscuous") { Description = "Do not put the interfaces in promiscuous mode." };
        var duration = new Option<string?>("--duration", "-d") { Description = "Stop after this long (90, 30s, 5m, 2h); default: until Ctrl+C or SIGTERM." };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Folder for events.jsonl, anomalies.jsonl, devices.json, connections.json, summary.json and capture.json.",
            DefaultValueFactory = _ => "otsensor-capture",
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress lines." };
        var noEvents = new Option<bool>("--no-events") { Description = "Do not write events.jsonl (decode, inventory and summary only)." };

        var command = new Command("capture", "Capture live from network interfaces through the analysis pipeline (needs root or CAP_NET_RAW).");
        foreach (var option in new Option[] { interfaces, filter, snaplen, bufferMb, queueMb, immediate, noPromiscuous, duration, output, quiet, noEvents })
            command.Options.Add(option);
        command.SetAction(parse => Run(
            new LiveCaptureOptions
            {
                Interfaces = parse.GetValue(interfaces)!,
                Filter = parse.GetValue(filter),
                SnapLength = parse.GetValue(snaplen),
                KernelBufferBytes = Mebibytes(parse.GetValue(bufferMb)),
                QueueBytes = Mebibytes(parse.GetValue(queueMb)),
                Immediate = parse.GetValue(immediate),
                Promiscuous = !parse.GetValue(noPromiscuous),
            },
            parse.GetValue(duration), parse.GetValue(output)!, parse.GetValue(quiet), !parse.GetValue(noEvents)));
        return command;
    }

    private static int Run(LiveCaptureOptions options, string? durationText, string outputDirectory, bool quiet, bool writeEvents)
    {
        TimeSpan? duration = null;
        if (durationText is not null)
        {
            if (!TryParseDuration(durationText, out var parsed))
            {
                Console.Error.WriteLine($"otsensor: cannot read duration '{durationText}' (use 90, 30s, 5m or 2h)");
                return ExitCodes.BadUsage;
            }
            duration = parsed;
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

        LiveCapture capture;
        try
        {
            capture = LiveCapture.Open(options);
        }
        catch (LiveCaptureException e)
        {
            Console.Error.WriteLine("otsensor: " + e.Message);
            return ExitCodes.BadUsage;
        }

        using var cancel = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            cancel.Cancel();
        }

        using (capture)
        {
            Console.Error.WriteLine($"otsensor: capturing on {string.Join(", ", capture.InterfaceNames)}"
                + (options.Filter is null ? "" : $" with filter '{options.Filter}'")
                + (duration is null ? " until Ctrl+C or SIGTERM" : $" for {duration.Value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s"));
            var log = EventLogWriter.Create(outputDirectory, writeEvents);
            using var analyzer = new CaptureAnalyzer(new EngineOptions(), log);
            Analysis.Statistics.TrafficSummary summary;
            LiveCaptureStatistics[] statistics;
            using (log)
            {
                var runOptions = new LiveRunOptions { Duration = duration, ProgressInterval = TimeSpan.FromSeconds(5) };
                summary = new LiveCaptureRunner(analyzer).Run(capture, runOptions,
                    quiet ? null : p => Console.Error.WriteLine(ProgressLine(p)), cancel.Token, out statistics);
            }
            RunOutputs.Write(outputDirectory, analyzer, summary);
            WriteCaptureJson(Path.Combine(outputDirectory, "capture.json"), statistics, options);

            foreach (var s in statistics) Console.WriteLine(StatisticsLine(s));
            if (statistics.Length > 1) Console.WriteLine(StatisticsLine(LiveCapture.Total(statistics)));
            Console.WriteLine($"capture done: {summary.Frames:N0} frames, {analyzer.Inventory.Devices.Count} devices, {analyzer.Pipeline.TotalPdus:N0} PDUs; output in {outputDirectory}");
            if (capture.Error is { } error)
            {
                Console.Error.WriteLine("otsensor: capture stopped: " + error);
                return ExitCodes.BadUsage;
            }
        }
        return ExitCodes.Ok;
    }

    /// <summary>One line of counters, e.g. <c>eth1: received 1,204,113, dropped by kernel 0, by interface 0, by us 0 (kernel saw 1,204,113)</c>.</summary>
    internal static string StatisticsLine(LiveCaptureStatistics s) => string.Create(CultureInfo.InvariantCulture,
        $"{(s.Interface == "*" ? "total" : s.Interface)}: received {s.Received:N0}, dropped by kernel {s.DroppedByKernel:N0}, by interface {s.DroppedByInterface:N0}, by us {s.DroppedByQueue:N0} (kernel saw {s.KernelReceived:N0}, analysed {s.Delivered:N0})");

    private static string ProgressLine(LiveProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"capture {p.Wall.TotalSeconds:F0}s received {p.Capture.Received} dropped kernel {p.Capture.DroppedByKernel} interface {p.Capture.DroppedByInterface} us {p.Capture.DroppedByQueue} devices {p.Devices} pdus {p.Pdus}");

    private static void WriteCaptureJson(string path, LiveCaptureStatistics[] statistics, LiveCaptureOptions options)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("filter", options.Filter);
        json.WriteNumber("snaplen", options.SnapLength);
        json.WriteNumber("kernel_buffer_bytes", options.KernelBufferBytes);
        json.WriteNumber("queue_bytes", options.QueueBytes);
        json.WriteBoolean("promiscuous", options.Promiscuous);
        json.WriteBoolean("immediate", options.Immediate);
        json.WriteStartArray("interfaces");
        foreach (var s in statistics) WriteCounters(json, s);
        json.WriteEndArray();
        json.WritePropertyName("total");
        WriteCounters(json, LiveCapture.Total(statistics));
        json.WriteEndObject();
    }

    private static void WriteCounters(Utf8JsonWriter json, LiveCaptureStatistics s)
    {
        json.WriteStartObject();
        json.WriteString("interface", s.Interface);
        json.WriteNumber("kernel_received", s.KernelReceived);
        json.WriteNumber("received", s.Received);
        json.WriteNumber("dropped_by_kernel", s.DroppedByKernel);
        json.WriteNumber("dropped_by_interface", s.DroppedByInterface);
        json.WriteNumber("dropped_by_queue", s.DroppedByQueue);
        json.WriteNumber("delivered", s.Delivered);
        json.WriteNumber("bytes", s.Bytes);
        json.WriteEndObject();
    }

    private static int Mebibytes(int value) => value <= 0 ? value : (int)Math.Min((long)value << 20, 1 << 30);

    private static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        text = text.Trim().ToLowerInvariant();
        double scale = 1;
        if (text.EndsWith("ms", StringComparison.Ordinal)) { scale = 0.001; text = text[..^2]; }
        else if (text.EndsWith('s')) text = text[..^1];
        else if (text.EndsWith('m')) { scale = 60; text = text[..^1]; }
        else if (text.EndsWith('h')) { scale = 3600; text = text[..^1]; }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value <= 0 || value * scale > 366 * 86400.0)
            return false;
        duration = TimeSpan.FromSeconds(value * scale);
        return true;
    }
}
