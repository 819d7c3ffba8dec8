using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace OtSensor.Benchmarks.Config;

/// <summary>
/// Configuration every benchmark class carries (<c>[Config(typeof(BenchConfig))]</c>): allocations are measured
/// everywhere, because "0 B per packet" is a requirement of the hot path, not a nice-to-have
/// (model-codebases.md §4.6, §4.10).
/// </summary>
/// <remarks>
/// The class config adds no job and no loggers or exporters on purpose: those come from the run configuration
/// <see cref="Program"/> passes to <c>BenchmarkSwitcher</c> (<see cref="ForRun"/>, built on
/// <see cref="DefaultConfig"/>), and from the command line (<c>--job short</c>), so nothing runs or prints twice.
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

    /// <summary>The run configuration: BenchmarkDotNet's defaults (loggers, exporters, columns), the memory diagnoser and, optionally, one job.</summary>
    /// <remarks>
    /// The build of BenchmarkDotNet's generated project gets 10 minutes instead of its default 2: on the shared
    /// build machines (load averages of 30-45 were seen) the default made <c>--smoke</c> fail without any benchmark
    /// being wrong.
    /// </remarks>
    public static IConfig ForRun(Job? job = null)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance).AddDiagnoser(MemoryDiagnoser.Default)
            .WithBuildTimeout(TimeSpan.FromMinutes(10));
        return job is null ? config : config.AddJob(job);
    }

    /// <summary><see cref="BenchConfig"/> with <see cref="ShortJob"/>, for a class that should always run short.</summary>
    public sealed class Short : BenchConfig
    {
        public Short()
        {
            AddJob(ShortJob);
        }
    }
}
