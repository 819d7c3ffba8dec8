using BenchmarkDotNet.Attributes;
using OtSensor.Benchmarks.Config;
using OtSensor.Capture.Ring;
using OtSensor.Core.Net;
using OtSensor.TestKit.Synthetic;

namespace OtSensor.Benchmarks.Capture;

/// <summary>
/// <see cref="TrafficRing.Append"/>, the sensor's per-frame cost of keeping recent traffic on disk: one copy into the
/// 1 MiB buffer, one write per full buffer, a new segment every 32 MiB (per frame, amortised over <see cref="FrameCount"/>).
/// </summary>
/// <remarks>
/// Frames of <see cref="ModbusDemoPlant"/> (54–140 bytes, where the per-frame overhead shows most). The segments go to a
/// temporary folder, so the writes land in the page cache: this measures the sensor's side, not the disk.
/// </remarks>
[Config(typeof(BenchConfig))]
public class TrafficRingBenchmarks
{
    public const int FrameCount = 20_000;

    private byte[][] _frames = [];
    private string _folder = "";
    private TrafficRing? _ring;
    private long _time = 1_700_000_000_000_000_000;

    [GlobalSetup]
    public void Setup()
    {
        var frames = ModbusDemoPlant.Generate(seed: 1, seconds: 900);
        if (frames.Count < FrameCount) throw new InvalidOperationException($"ModbusDemoPlant produced {frames.Count} frames, fewer than {FrameCount}.");
        _frames = [.. frames.Take(FrameCount).Select(f => f.data)];
        _folder = Directory.CreateTempSubdirectory("otsensor-bench-ring-").FullName;
        _ring = TrafficRing.Open(new TrafficRingOptions { Directory = _folder, SegmentBytes = 32 << 20, Segments = 4 }, [(ushort)LinkType.Ethernet]);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ring?.Dispose();
        if (_folder.Length > 0 && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = FrameCount, Description = "ring append, per frame")]
    public long Append()
    {
        var ring = _ring!;
        long sequence = 0;
        foreach (var frame in _frames)
            sequence = ring.Append(frame, 0, new OtSensor.Core.Time.Timestamp(_time += 1_000_000), frame.Length);
        if (ring.FramesLost != 0) throw new InvalidOperationException($"ring lost frames: {ring.LastError}");
        return sequence;
    }
}
