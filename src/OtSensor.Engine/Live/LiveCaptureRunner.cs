using System.Diagnostics;
using System.Runtime.CompilerServices;
using OtSensor.Analysis.Statistics;
using OtSensor.Capture.Live;

namespace OtSensor.Engine.Live;

/// <summary>
/// Runs a <see cref="LiveCapture"/> through the same <see cref="Pipeline.PacketPipeline"/> as analysis and replay:
/// the calling thread is the analysis thread, the capture threads fill the queues it drains.
/// </summary>
/// <remarks>
/// When the queues are empty the analysis thread sleeps a millisecond rather than being woken per frame: the capture
/// threads then never pay for a signal, and a millisecond of traffic (125 KB at 1 Gbit/s) is a sliver of a queue.
/// On stop (duration reached or cancelled) the capture threads are stopped first and everything they queued is still
/// analysed, then the pipeline is completed so that open flows and pending requests are flushed into the outputs.
/// </remarks>
public sealed class LiveCaptureRunner(CaptureAnalyzer analyzer)
{
    /// <summary>Captures until <paramref name="cancel"/> or <see cref="LiveRunOptions.Duration"/>; returns the summary.</summary>
    /// <param name="statistics">Receives the final capture counters per interface, read after the capture stopped.</param>
    public TrafficSummary Run(LiveCapture capture, LiveRunOptions options, Action<LiveProgress>? progress, CancellationToken cancel,
        out LiveCaptureStatistics[] statistics)
    {
        ArgumentNullException.ThrowIfNull(capture);
        ArgumentNullException.ThrowIfNull(options);
        var wall = Stopwatch.StartNew();
        var summary = new TrafficSummary();
        var deadline = options.Duration ?? TimeSpan.MaxValue;
        var nextReport = options.ProgressInterval;
        long frameNumber = 0;
        capture.Start();
        var idle = cancel.WaitHandle;
        while (!cancel.IsCancellationRequested && wall.Elapsed < deadline)
        {
            int read = DrainBatch(capture, options.BatchFrames, ref frameNumber);
            if (progress is not null && wall.Elapsed >= nextReport)
            {
                progress(Progress(wall.Elapsed, capture));
                nextReport = wall.Elapsed + options.ProgressInterval;
            }
            if (read == 0)
            {
                if (!capture.Running) break;
                idle.WaitOne(1);
            }
        }
        capture.Stop();
        while (DrainBatch(capture, options.BatchFrames, ref frameNumber) > 0)
        {
        }
        statistics = capture.Statistics();
        progress?.Invoke(Progress(wall.Elapsed, capture));

        var pipeline = analyzer.Pipeline;
        pipeline.Complete();
        pipeline.FillSummary(summary);
        var names = capture.InterfaceNames;
        for (int i = 0; i < statistics.Length; i++)
            summary.Files.Add(new CaptureFileReport { Path = "live:" + names[i], Format = "live", Frames = statistics[i].Delivered, Bytes = statistics[i].Bytes });
        summary.Elapsed = wall.Elapsed;
        summary.PeakWorkingSetBytes = Process.GetCurrentProcess().PeakWorkingSet64;
        return summary;
    }

    /// <summary>Up to <paramref name="max"/> frames into the pipeline (a separate method so the JIT optimises the loop, as in <see cref="CaptureAnalyzer"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int DrainBatch(LiveCapture capture, int max, ref long frameNumber)
    {
        var pipeline = analyzer.Pipeline;
        int frames = 0;
        while (frames < max && capture.TryRead(out var frame))
        {
            pipeline.ProcessFrame(frame.Data, frame.LinkType, frame.Timestamp, ++frameNumber);
            capture.Release();
            frames++;
        }
        return frames;
    }

    private LiveProgress Progress(TimeSpan wall, LiveCapture capture) => new(wall, LiveCapture.Total(capture.Statistics()),
        analyzer.Pipeline.Frames, analyzer.Inventory.Devices.Count, analyzer.Inventory.Connections.Count, analyzer.Pipeline.TotalPdus);
}
