using System.Diagnostics;
using OtSensor.Analysis.Statistics;
using OtSensor.Capture.Files;
using OtSensor.Core.Time;

namespace OtSensor.Engine.Replay;

/// <summary>
/// Plays captures into the engine paced by their timestamps, as a live sensor would see them: frame k is processed
/// (t_k − t_0) / speed after the start. With <see cref="ReplayOptions.Loop"/> the captures repeat with their times
/// shifted past the previous pass, so flows and the inventory see one continuous, ever-later stream.
/// </summary>
/// <remarks>The engine behind the console's "Play PCAP" (sensor-reference §6).</remarks>
public sealed class CapturePlayer(CaptureAnalyzer analyzer)
{
    /// <summary>Plays <paramref name="inputs"/> (files or folders) until their end, or until cancelled when looping.</summary>
    public TrafficSummary Play(IReadOnlyList<string> inputs, ReplayOptions options, Action<ReplayProgress>? progress, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(options);
        var set = CaptureSet.Expand(inputs);
        var files = set.Files.Select(f => f.Path).ToArray();
        var summary = new TrafficSummary();
        foreach (var missing in set.Missing) summary.Files.Add(new CaptureFileReport { Path = missing, Error = "no such file or folder" });
        foreach (var skipped in set.Skipped) summary.Files.Add(new CaptureFileReport { Path = skipped.Path, Error = skipped.Reason });

        var (first, last) = CaptureSpan(files);
        var span = last.Subtract(first);
        var passLength = span + TimeSpan.FromSeconds(1);
        var wall = Stopwatch.StartNew();
        var nextReport = TimeSpan.Zero;
        var pipeline = analyzer.Pipeline;
        long frameNumber = 0;
        var captureNow = first;
        int pass = 0;
        do
        {
            var offset = passLength * pass;
            foreach (var path in files)
            {
                if (!CaptureFileReader.TryOpen(path, out var reader, out var error))
                {
                    if (pass == 0) summary.Files.Add(new CaptureFileReport { Path = path, Error = error });
                    continue;
                }
                long frames = 0, bytes = 0;
                using (reader)
                {
                    while (!cancel.IsCancellationRequested && reader!.TryReadNext(out var frame))
                    {
                        var at = frame.Timestamp.Add(offset);
                        if (options.Speed > 0) WaitUntil(wall, TimeSpan.FromTicks((long)((at.Subtract(first).Ticks) / options.Speed)), cancel);
                        pipeline.ProcessFrame(frame.Data, frame.LinkType, at, ++frameNumber);
                        frames++;
                        bytes += frame.Data.Length;
                        captureNow = at;
                        if (progress is not null && wall.Elapsed >= nextReport)
                        {
                            progress(Progress(wall.Elapsed, captureNow, first, span, pass));
                            nextReport = wall.Elapsed + options.ProgressInterval;
                        }
                    }
                    if (pass == 0)
                        summary.Files.Add(new CaptureFileReport
                        {
                            Path = path, Format = reader!.Format == CaptureFormat.PcapNg ? "pcapng" : "pcap", Frames = frames, Bytes = bytes,
                            FileLength = reader.Length, Error = reader.Error?.Message, ErrorOffset = reader.Error?.Offset,
                        });
                }
            }
            pass++;
        }
        while (options.Loop && !cancel.IsCancellationRequested && files.Length > 0);

        progress?.Invoke(Progress(wall.Elapsed, captureNow, first, span, pass - 1));
        pipeline.Complete();
        pipeline.FillSummary(summary);
        summary.Elapsed = wall.Elapsed;
        summary.PeakWorkingSetBytes = Process.GetCurrentProcess().PeakWorkingSet64;
        return summary;
    }

    private ReplayProgress Progress(TimeSpan wall, Timestamp now, Timestamp first, TimeSpan span, int pass)
    {
        var pipeline = analyzer.Pipeline;
        return new ReplayProgress(wall, now, now.Subtract(first), span, pass, pipeline.Frames, analyzer.Inventory.Devices.Count,
            analyzer.Inventory.Connections.Count, pipeline.TotalPdus);
    }

    /// <summary>Sleeps until the wall clock reaches <paramref name="due"/> (short sleeps, so cancellation is prompt).</summary>
    private static void WaitUntil(Stopwatch wall, TimeSpan due, CancellationToken cancel)
    {
        while (!cancel.IsCancellationRequested)
        {
            var ahead = due - wall.Elapsed;
            if (ahead <= TimeSpan.FromMilliseconds(1)) return;
            cancel.WaitHandle.WaitOne(ahead < TimeSpan.FromMilliseconds(50) ? ahead : TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>First and last frame times over all files (a quick pass: timestamps only).</summary>
    private static (Timestamp First, Timestamp Last) CaptureSpan(string[] files)
    {
        Timestamp? first = null, last = null;
        foreach (var path in files)
        {
            if (!CaptureFileReader.TryOpen(path, out var reader, out _)) continue;
            using (reader)
            {
                while (reader!.TryReadNext(out var frame))
                {
                    if (first is null || frame.Timestamp < first.Value) first = frame.Timestamp;
                    if (last is null || frame.Timestamp > last.Value) last = frame.Timestamp;
                }
            }
        }
        return (first ?? default, last ?? default);
    }
}
