using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;
using OtSensor.Simulation.Plant;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Scenarios;

/// <summary>What a scenario schedules into: the simulator, the plant, the run's time window and a seeded random source.</summary>
public sealed class ScenarioContext(Simulator sim, PlantModel plant, Timestamp start, TimeSpan duration, int seed)
{
    private int _streams;

    public Simulator Sim { get; } = sim;
    public PlantModel Plant { get; } = plant;
    public Timestamp Start { get; } = start;
    public TimeSpan Duration { get; } = duration;
    public Timestamp End => Start.Add(Duration);
    public int Seed { get; } = seed;

    /// <summary>An independent random stream per caller, in the order asked: adding traffic never reshuffles the rest.</summary>
    /// <remarks>The stream seed is a SplitMix64 mix of the run's seed and the stream number: stable across processes and
    /// platforms (unlike <see cref="HashCode"/>, which is randomised per process).</remarks>
    public Random NewRandom() => new(Mix(((ulong)(uint)Seed << 32) | (uint)++_streams));

    private static int Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return (int)((x ^ (x >> 31)) & 0x7FFFFFFF);
    }

    /// <summary>The point <paramref name="fraction"/> of the way through the run.</summary>
    public Timestamp At(double fraction) => Start.Add(Duration * fraction);

    /// <summary>A host that is not part of the plant's baseline (an attacker's laptop, a rogue device).</summary>
    public Host NewcomerHost(string name, uint address, uint oui = 0x005056)
    {
        var random = NewRandom();
        var host = new Host(name, new MacAddress(((ulong)oui << 24) | (uint)random.Next(0x100000, 0xFFFFFF)), address, DeviceKind.Unknown, 1) { Ttl = 64 };
        host.SeedCounters(random);
        Sim.Manifest.AddDevice(host);
        return host;
    }
}
