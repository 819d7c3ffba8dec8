using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Traffic;

/// <summary>ARP (RFC 826): who-has broadcasts and their replies before a host first talks to a neighbour.</summary>
public static class ArpTraffic
{
    /// <summary><paramref name="asker"/> resolves <paramref name="target"/>: request to broadcast, unicast reply.</summary>
    public static Timestamp Resolve(Simulator sim, Timestamp at, Host asker, Host target)
    {
        sim.Emit(at, Frames.Arp(1, asker.Mac, asker.Address, default, target.Address, MacAddress.Broadcast));
        var reply = at.Add(TimeSpan.FromMicroseconds(150));
        sim.Emit(reply, Frames.Arp(2, target.Mac, target.Address, asker.Mac, asker.Address, asker.Mac));
        return reply;
    }

    /// <summary>A who-has nobody answers (a scan of an unused address).</summary>
    public static void Probe(Simulator sim, Timestamp at, Host asker, uint address)
        => sim.Emit(at, Frames.Arp(1, asker.Mac, asker.Address, default, address, MacAddress.Broadcast));
}
