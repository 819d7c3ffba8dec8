using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using OtSensor.Benchmarks.Config;

// Usage:
//   dotnet run -c Release --project benchmarks/OtSensor.Benchmarks -- --filter '*' --job short   (BenchmarkSwitcher as usual)
//   dotnet run -c Release --project benchmarks/OtSensor.Benchmarks -- --short [--filter ...]     (BenchConfig.Short preset)
//   dotnet run -c Release --project benchmarks/OtSensor.Benchmarks -- --smoke [--filter ...]     (every benchmark once, Job.Dry: CI smoke test)
//   dotnet run -c Release --project benchmarks/OtSensor.Benchmarks -- --alloc-probe              (which pipeline frames allocate, and how much; then each decoder's steady-state replay)
if (args.Length > 0 && args[0] == "--alloc-probe")
{
    int pipeline = OtSensor.Benchmarks.EndToEnd.PipelineAllocationProbe.Run(Console.Out);
    bool protocols = OtSensor.Benchmarks.Protocols.Shared.ProtocolAllocationProbe.Run(Console.Out);
    return pipeline != 0 ? pipeline : protocols ? 0 : 2;
}

IConfig config;
string[] rest;
if (args.Length > 0 && args[0] is "--smoke" or "--short")
{
    config = BenchConfig.ForRun(args[0] == "--smoke" ? BenchConfig.SmokeJob : BenchConfig.ShortJob);
    rest = args[1..];
    // Without a filter BenchmarkSwitcher asks interactively, which a CI job cannot answer.
    if (!Array.Exists(rest, a => a is "--filter" or "-f")) rest = [.. rest, "--filter", "*"];
}
else
{
    config = BenchConfig.ForRun();
    rest = args;
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);

// A smoke run must fail the CI step when a benchmark throws or does not build.
if (args.Length > 0 && args[0] == "--smoke")
{
    foreach (var summary in summaries)
    {
        if (summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success))
            return 1;
    }
    if (!summaries.Any()) return 1;
}
return 0;
