using OtSensor.Simulation.Manifest;
using OtSensor.Simulation.Plant;
using OtSensor.Simulation.Traffic;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Scenarios;

/// <summary>
/// Industroyer-like: a new host opens IEC 104 to an RTU, interrogates it and fires a burst of single commands over its
/// information object addresses within a few seconds.
/// </summary>
public sealed class Iec104BurstScenario : Scenario
{
    public override string Name => "iec104-burst";
    public override string Description => "IEC 104 general interrogation and a burst of 30 single commands from a new host (Industroyer-like).";

    public override void Schedule(ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sim = context.Sim;
        var plant = context.Plant;
        var random = context.NewRandom();
        var rtu = plant.Speaking(ControlProtocol.Iec104).First();
        var attacker = context.NewcomerHost("ROGUE-104", (plant.ControlSubnet & 0xFFFF00FF) | (2 << 8) | 203);
        var iec = new Iec104Master(sim, new TcpConnection(sim, attacker, attacker.NextEphemeralPort(), rtu.Host, Iec104Master.Port, random), (ushort)rtu.Address, random);
        var at = context.At(0.4);
        sim.Manifest.AddStep(new AttackStep(at, "interrogation", "STARTDT and general interrogation from a host never seen before", attacker.Name, [rtu.Host.Name],
            ["New Asset Detected"]));
        sim.Manifest.AddStep(new AttackStep(at.Add(TimeSpan.FromSeconds(2)), "command-burst", "30 single commands (C_SC_NA_1, type 45) on IOAs 2000–2029 within 3 seconds", attacker.Name, [rtu.Host.Name],
            ["Unpermitted Usage of ASDU Types"]));
        sim.At(at, () =>
        {
            var t = iec.Connection.Open(ArpTraffic.Resolve(sim, sim.Now, attacker, rtu.Host).Add(Talk.Rtt), Talk.Rtt);
            t = iec.StartDataTransfer(t.Add(TimeSpan.FromMilliseconds(5)));
            iec.Interrogate(t.Add(TimeSpan.FromMilliseconds(5)), 8);
        });
        sim.At(at.Add(TimeSpan.FromSeconds(2)), () =>
        {
            var t = sim.Now;
            for (int i = 0; i < 30; i++) t = iec.SingleCommand(t.Add(TimeSpan.FromMilliseconds(80)), 2000 + i, on: (i & 1) == 0);
            iec.Connection.Close(t.Add(TimeSpan.FromMilliseconds(200)), Talk.Rtt);
        });
    }
}
