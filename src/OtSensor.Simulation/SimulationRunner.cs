using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;
using OtSensor.Simulation.Manifest;
using OtSensor.Simulation.Output;
using OtSensor.Simulation.Plant;
using OtSensor.Simulation.Scenarios;

namespace OtSensor.Simulation;

/// <summary>What a simulation run produced.</summary>
public sealed record SimulationResult(ScenarioManifest Manifest, long Frames, long Bytes);

/// <summary>
/// Generates a scenario's capture: builds the plant from the seed, schedules the baseline and the storyline, runs the
/// simulator and streams pcapng to <paramref name="output"/>. Everything derives from the seed and the fixed start
/// time, so the same arguments give the same bytes.
/// </summary>
public static class SimulationRunner
{
    /// <summary>Captures start at a fixed instant so that the same command gives the same file.</summary>
    public static readonly Timestamp DefaultStart = Timestamp.FromDateTime(new DateTime(2026, 3, 2, 6, 0, 0, DateTimeKind.Utc));

    public static SimulationResult Run(Scenario scenario, TimeSpan duration, int seed, Stream output)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(output);
        if (duration <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), "the duration must be positive");
        var manifest = new ScenarioManifest(scenario.Name, scenario.Description, seed, DefaultStart, duration);
        using var buffered = new BufferedStream(output, 1 << 20);
        using var writer = new PcapNgStreamWriter(buffered, "otsensor simulate");
        var sim = new Simulator(writer, manifest);
        var plant = PlantBuilder.Build(seed);
        var context = new ScenarioContext(sim, plant, DefaultStart, duration, seed);
        BaselineTraffic.Schedule(context);
        scenario.Schedule(context);
        sim.Run(DefaultStart, context.End);
        writer.Dispose();
        buffered.Flush();
        return new SimulationResult(manifest, writer.Frames, writer.Bytes);
    }
}
