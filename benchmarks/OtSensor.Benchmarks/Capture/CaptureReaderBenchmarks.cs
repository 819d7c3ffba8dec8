using BenchmarkDotNet.Attributes;
using OtSensor.Benchmarks.Config;
using OtSensor.Capture.Files;
using OtSensor.Core.Net;
using OtSensor.TestKit.Pcaps;
using OtSensor.TestKit.Synthetic;

namespace OtSensor.Benchmarks.Capture;

/// <summary>
/// <see cref="CaptureFileReader"/> walking a whole file: open, read every record, dispose. Results are per frame
/// (<see cref="FrameCount"/> operations per invocation); open and dispose are amortised over the file.
/// </summary>
/// <remarks>
/// The inputs are the first <see cref="FrameCount"/> frames of <see cref="ModbusDemoPlant"/> (small Modbus/TCP
/// frames, 54–140 bytes: the per-record overhead dominates, which is what OT traffic looks like), written once to
/// a temp folder as classic pcap (16-byte record headers) and pcapng (Enhanced Packet Blocks, 32 bytes plus
/// padding). The files sit in the page cache after the first read, so this measures parsing, not the disk.
/// </remarks>
[Config(typeof(BenchConfig))]
public class CaptureReaderBenchmarks
{
    /// <summary>Frames in each file; a constant because <see cref="BenchmarkAttribute.OperationsPerInvoke"/> must be one.</summary>
    public const int FrameCount = 20_000;

    private string _folder = "";
    private string _pcapPath = "";
    private string _pcapNgPath = "";

    [GlobalSetup]
    public void Setup()
    {
        // 60 s of plant is about 1,400 frames; 900 s leaves headroom above FrameCount.
        var frames = ModbusDemoPlant.Generate(seed: 1, seconds: 900);
        if (frames.Count < FrameCount)
            throw new InvalidOperationException($"ModbusDemoPlant produced {frames.Count} frames, fewer than {FrameCount}.");
        frames.RemoveRange(FrameCount, frames.Count - FrameCount);

        _folder = Directory.CreateTempSubdirectory("otsensor-bench-").FullName;
        _pcapPath = PcapWriter.WriteFile(Path.Combine(_folder, "plant.pcap"), LinkType.Ethernet, frames);
        _pcapNgPath = PcapNgWriter.WriteFile(Path.Combine(_folder, "plant.pcapng"), LinkType.Ethernet, frames);

        // A benchmark over a file the reader stops early in would measure nothing.
        if (ReadAll(_pcapPath) == 0 || ReadAll(_pcapNgPath) == 0)
            throw new InvalidOperationException("Generated capture could not be read back.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_folder.Length > 0 && Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = FrameCount, Description = "pcap, per frame")]
    public long ReadPcap() => ReadAll(_pcapPath);

    [Benchmark(OperationsPerInvoke = FrameCount, Description = "pcapng, per frame")]
    public long ReadPcapNg() => ReadAll(_pcapNgPath);

    /// <summary>Returns the captured bytes so the loop cannot be optimised away; throws if the file did not hold <see cref="FrameCount"/> frames.</summary>
    private static long ReadAll(string path)
    {
        using var reader = CaptureFileReader.Open(path);
        long bytes = 0;
        while (reader.TryReadNext(out var frame))
            bytes += frame.Data.Length;
        if (reader.FramesRead != FrameCount || reader.Error is not null)
            throw new InvalidOperationException($"{path}: read {reader.FramesRead} frames, error {reader.Error?.Message}.");
        return bytes;
    }
}
