using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace OtSensor.Benchmarks.Config;

/// <summary>
/// Configuration shared by every benchmark class: allocations are measured everywhere, because "0 B per
/// packet" is a requirement of the hot path, not a nice-to-have (model-codebases.md §4.6, §4.10).
/// </summary>
/// <remarks>
/// The class adds no job on purpose: the job comes from the command line (<c>--job short</c>, <c>--job dry</c>)
/// or from <see cref="Program"/>'s presets, so a class attribute never doubles the runs.
/// </remarks>
public class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddDiagnoser(MemoryDiagnoser.Default);
    }

    /// <summary>
    /// ImageSharp's <c>Config.Short</c>: one launch, 3 warm-up and 3 measured iterations. Numbers are indicative
    /// (±5–10 % on the shared 2-core build machines), enough to spot a regression of the order of 2×.
    /// </summary>
    public static Job ShortJob { get; } = Job.Default
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(3)
        .WithId("Short");

    /// <summary>BenchmarkDotNet's dry job (one cold invocation, no pilot): proves each benchmark still builds and runs.</summary>
    public static Job SmokeJob { get; } = Job.Dry.WithId("Smoke");

    /// <summary><see cref="BenchConfig"/> with <see cref="ShortJob"/>.</summary>
    public sealed class Short : BenchConfig
    {
        public Short()
        {
            AddJob(ShortJob);
        }
    }

    /// <summary><see cref="BenchConfig"/> with <see cref="SmokeJob"/>.</summary>
    public sealed class Smoke : BenchConfig
    {
        public Smoke()
        {
            AddJob(SmokeJob);
        }
    }
}
