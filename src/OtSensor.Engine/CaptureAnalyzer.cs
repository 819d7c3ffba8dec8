using System.Diagnostics;
using System.Runtime.CompilerServices;
using OtSensor.Analysis.Detection;
using OtSensor.Analysis.Inventory;
using OtSensor.Analysis.Statistics;
using OtSensor.Capture.Files;
using OtSensor.Core.Protocols;
using OtSensor.Core.Time;
using OtSensor.Engine.Pipeline;
using OtSensor.Protocols.Registry;

namespace OtSensor.Engine;

/// <summary>Progress of a run: bytes of all inputs read so far against their total size.</summary>
public readonly record struct AnalysisProgress(long BytesRead, long TotalBytes, long Frames, string CurrentFile);

/// <summary>
/// Replays capture files through one <see cref="PacketPipeline"/> as one continuous capture, and reports per file
/// how far it got. A file that breaks keeps everything read before the break; the run goes on with the next file.
/// </summary>
public sealed class CaptureAnalyzer : IDisposable
{
    private const int ProgressIntervalFrames = 4096;
    private readonly PacketPipeline _pipeline;

    public CaptureAnalyzer(EngineOptions options, IPduObserver observer, ProtocolRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Inventory = new DeviceInventory(options.Inventory);
        Detection = options.Detection is null ? null : new DetectionEngine(Inventory, options.Detection);
        _pipeline = new PacketPipeline(options, registry ?? DefaultProtocols.CreateRegistry(), Inventory, observer, Detection);
    }

    public DeviceInventory Inventory { get; }
    /// <summary>The run's detection (alerts, timeline, baseline); null when the options turned it off.</summary>
    public DetectionEngine? Detection { get; }
    /// <summary>The capture files read, in order: alert evidence refers to them by index (<see cref="FrameRef.Input"/>).</summary>
    public IReadOnlyList<string> InputFiles => _inputFiles;
    private readonly List<string> _inputFiles = [];

    /// <summary>Seek points of each input, in the order of <see cref="InputFiles"/>: a second pass for alert evidence jumps near its frames.</summary>
    public IReadOnlyList<CaptureSeekIndex> SeekIndexes => _seekIndexes;
    private readonly List<CaptureSeekIndex> _seekIndexes = [];
    public PacketPipeline Pipeline => _pipeline;

    public void Dispose() => _pipeline.Dispose();

    /// <summary>Analyses every file of <paramref name="inputs"/> (files or folders) in order.</summary>
    public TrafficSummary Run(IReadOnlyList<string> inputs, Action<AnalysisProgress>? progress = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var summary = new TrafficSummary();
        var set = CaptureSet.Expand(inputs);
        foreach (var missing in set.Missing)
            summary.Files.Add(new CaptureFileReport { Path = missing, Error = "no such file or folder" });
        foreach (var skipped in set.Skipped)
            summary.Files.Add(new CaptureFileReport { Path = skipped.Path, Error = skipped.Reason, FileLength = SafeLength(skipped.Path) });
        var files = set.Files.Select(f => f.Path).ToArray();

        long total = 0;
        foreach (var f in files) total += SafeLength(f);
        long doneBefore = 0;
        foreach (var path in files)
        {
            if (Detection is not null) Detection.CurrentInput = _inputFiles.Count;
            _inputFiles.Add(path);
            _seekIndexes.Add(new CaptureSeekIndex());
            summary.Files.Add(ReadFile(path, doneBefore, total, progress));
            doneBefore += SafeLength(path);
        }
        _pipeline.Complete();
        _pipeline.FillSummary(summary);
        summary.Elapsed = stopwatch.Elapsed;
        summary.PeakWorkingSetBytes = Process.GetCurrentProcess().PeakWorkingSet64;
        return summary;
    }

    private CaptureFileReport ReadFile(string path, long doneBefore, long total, Action<AnalysisProgress>? progress)
    {
        if (!CaptureFileReader.TryOpen(path, out var reader, out var error))
            return new CaptureFileReport { Path = path, Error = error, FileLength = SafeLength(path) };
        using (reader)
        {
            ArgumentNullException.ThrowIfNull(reader);
            long frames = 0, bytes = 0;
            int read;
            var seekIndex = _seekIndexes[^1];
            while (true)
            {
                // A seek point where each batch starts, nothing per frame: alert evidence jumps to within a batch of its frames.
                seekIndex.Add(reader);
                if ((read = ProcessBatch(reader, ref bytes)) <= 0) break;
                frames += read;
                progress?.Invoke(new AnalysisProgress(doneBefore + reader.BytesRead, total, _pipeline.Frames, path));
            }
            progress?.Invoke(new AnalysisProgress(doneBefore + reader.Length, total, _pipeline.Frames, path));
            return new CaptureFileReport
            {
                Path = path,
                Format = reader.Format == CaptureFormat.PcapNg ? "pcapng" : "pcap",
                Frames = frames,
                Bytes = bytes,
                FileLength = reader.Length,
                Error = reader.Error?.Message,
                ErrorOffset = reader.Error?.Offset,
            };
        }
    }

    /// <summary>
    /// Up to <see cref="ProgressIntervalFrames"/> frames. The read loop lives in a method that is called again and
    /// again rather than in one long loop, so the JIT's tiering and profile-guided optimisation recompile it (and
    /// devirtualise the calls inside) instead of leaving it in its first, unoptimised version.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int ProcessBatch(CaptureFileReader reader, ref long bytes)
    {
        int frames = 0;
        while (frames < ProgressIntervalFrames && reader.TryReadNext(out var frame))
        {
            frames++;
            bytes += frame.Data.Length;
            _pipeline.ProcessFrame(frame.Data, frame.LinkType, frame.Timestamp, frame.FrameNumber);
        }
        return frames;
    }

    private static long SafeLength(string path)
    {
        try { return new FileInfo(path).Length; }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }
    }
}
