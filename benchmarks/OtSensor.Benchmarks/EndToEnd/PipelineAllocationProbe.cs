using System.Globalization;

namespace OtSensor.Benchmarks.EndToEnd;

/// <summary>
/// Finds which frames of the <see cref="PipelineBenchmarks"/> replay allocate, outside BenchmarkDotNet:
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> around each frame of one steady-state round.
/// Run with <c>-- --alloc-probe</c>; prints one line per allocating frame and a total.
/// </summary>
internal static class PipelineAllocationProbe
{
    public static int Run(TextWriter output)
    {
        var bench = new PipelineBenchmarks();
        bench.Setup();
        int frames = bench.FramesPerRound;
        long total = 0;
        int allocating = 0;
        for (int i = 0; i < frames; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            bench.ProcessNext();
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            if (bytes == 0) continue;
            allocating++;
            total += bytes;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"frame {i + 1,6}: {bytes,8} B"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{allocating} of {frames} frames allocated {total} B in one steady-state round ({(double)total / frames:F2} B/frame)."));
        bench.Cleanup();
        return allocating == 0 ? 0 : 2;
    }
}
