using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;

namespace OtSensor.Simulation.Traffic;

/// <summary>Timing helpers shared by the traffic generators: periodic tasks with jitter, typical LAN delays.</summary>
public static class Talk
{
    /// <summary>Round-trip time on a switched plant LAN.</summary>
    public static readonly TimeSpan Rtt = TimeSpan.FromMicroseconds(300);

    /// <summary>A controller's answer time: a few milliseconds, varying.</summary>
    public static TimeSpan ServerDelay(Random random) => TimeSpan.FromMicroseconds(random.Next(1500, 6000));

    /// <summary><paramref name="period"/> ± <paramref name="fraction"/> of it.</summary>
    public static TimeSpan Jittered(TimeSpan period, double fraction, Random random)
        => TimeSpan.FromTicks((long)(period.Ticks * (1 + ((random.NextDouble() * 2) - 1) * fraction)));

    /// <summary>Runs <paramref name="tick"/> at <paramref name="first"/> and then every <paramref name="period"/> (jittered) until the run ends.</summary>
    public static void Every(Simulator sim, Timestamp first, TimeSpan period, double jitter, Random random, Action<Timestamp> tick)
    {
        void Run()
        {
            var now = sim.Now;
            tick(now);
            sim.At(now.Add(Jittered(period, jitter, random)), Run);
        }
        sim.At(first, Run);
    }
}
