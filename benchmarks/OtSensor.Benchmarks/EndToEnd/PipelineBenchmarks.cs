using BenchmarkDotNet.Attributes;
using OtSensor.Analysis.Detection;
using OtSensor.Analysis.Inventory;
using OtSensor.Benchmarks.Config;
using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Core.Time;
using OtSensor.Engine;
using OtSensor.Engine.Pipeline;
using OtSensor.TestKit.Synthetic;

namespace OtSensor.Benchmarks.EndToEnd;

/// <summary>
/// The whole hot path, per frame: <see cref="PacketPipeline.ProcessFrame"/> on the frames of
/// <c>ModbusDemoPlant.Generate(seed: 1, seconds: 60)</c> (ARP, TCP handshakes, Modbus polls and writes, device
/// identification, an exception, teardown), replayed round after round through one warmed pipeline. Packets per
/// second = 1 / Mean; Allocated is bytes per packet and must be 0 B in steady state.
/// </summary>
/// <remarks>
/// <para>The pipeline is built exactly as <see cref="CaptureAnalyzer"/> builds it, with a no-op observer, and
/// warmed by <see cref="WarmupRounds"/> full replays, so devices, connections, pooled flows and dictionaries
/// already exist: what remains is the per-packet cost.</para>
/// <para>One invocation processes one frame (no <c>OperationsPerInvoke</c>: the frame count is the generator's,
/// not a constant). Each round shifts timestamps past the previous one, so packet time only moves forward, and
/// every round reopens the same TCP tuples: the closed flows are ended by the port-reuse rule and their pooled
/// objects reused, which is the steady state of a plant that reconnects.</para>
/// </remarks>
[Config(typeof(BenchConfig))]
public class PipelineBenchmarks
{
    private const int Seconds = 60;
    private const int WarmupRounds = 3;

    private (Timestamp Timestamp, byte[] Data)[] _frames = [];
    private PacketPipeline _pipeline = null!;
    private NullObserver _observer = null!;
    private int _next;
    private long _round;
    private long _roundOffsetNanoseconds;

    /// <summary>Frames in one replay round (for the README's packets/s arithmetic).</summary>
    public int FramesPerRound => _frames.Length;

    [GlobalSetup]
    public void Setup()
    {
        _frames = [.. ModbusDemoPlant.Generate(seed: 1, seconds: Seconds)];
        _observer = new NullObserver();
        // With detection, as `otsensor analyze` runs: the first round is learned, the later ones are judged against it.
        var inventory = new DeviceInventory();
        _pipeline = new PacketPipeline(new EngineOptions(), DefaultProtocols.CreateRegistry(), inventory, _observer, new DetectionEngine(inventory));
        for (int i = 0; i < WarmupRounds * _frames.Length; i++) ProcessNext();
        if (_observer.Pdus == 0)
            throw new InvalidOperationException("The warm-up produced no PDUs: the benchmark would not exercise Modbus.");
    }

    [GlobalCleanup]
    public void Cleanup() => _pipeline.Dispose();

    [Benchmark(Description = "ModbusDemoPlant, per frame")]
    public long ProcessFrame()
    {
        ProcessNext();
        return _observer.Pdus;
    }

    /// <summary>Feeds the next frame, wrapping to a new round (timestamps shifted forward) after the last one.</summary>
    internal void ProcessNext()
    {
        var (timestamp, data) = _frames[_next];
        _pipeline.ProcessFrame(data, LinkType.Ethernet, new Timestamp(timestamp.UnixNanoseconds + _roundOffsetNanoseconds),
            (_round * _frames.Length) + _next + 1);
        if (++_next == _frames.Length)
        {
            _next = 0;
            _round++;
            // Seconds of traffic plus the teardown at Seconds + 1, and a margin.
            _roundOffsetNanoseconds = _round * (Seconds + 10) * 1_000_000_000L;
        }
    }

    /// <summary>Drops everything: the benchmark measures the pipeline, not an output.</summary>
    private sealed class NullObserver : IPduObserver
    {
        public long Pdus;

        public bool RecordsPdus => true;
        public long Anomalies;

        public System.Text.Json.Utf8JsonWriter? OnPdu(in PduContext context, in PduSummary pdu)
        {
            Pdus++;
            return null;
        }

        public void EndPdu() { }

        public void OnAnomaly(in AnomalyRecord anomaly) => Anomalies++;
    }
}
