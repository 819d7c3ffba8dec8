using OtSensor.Simulation.Manifest;
using OtSensor.Simulation.Plant;
using OtSensor.Simulation.Traffic;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Scenarios;

/// <summary>An unknown DNP3 master cold-restarts an outstation and operates one of its outputs directly.</summary>
public sealed class Dnp3UnknownMasterScenario : Scenario
{
    public override string Name => "dnp3-unknown-master";
    public override string Description => "DNP3 cold restart and direct operate from a master never seen before.";

    public override void Schedule(ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sim = context.Sim;
        var plant = context.Plant;
        var random = context.NewRandom();
        var rtu = plant.Speaking(ControlProtocol.Dnp3).First();
        var attacker = context.NewcomerHost("ROGUE-DNP3", (plant.ControlSubnet & 0xFFFF00FF) | (2 << 8) | 202);
        var dnp3 = new Dnp3Master(sim, new TcpConnection(sim, attacker, attacker.NextEphemeralPort(), rtu.Host, Dnp3Master.Port, random), 99, (ushort)rtu.Address, random);
        var restart = context.At(0.4);
        var operate = restart.Add(TimeSpan.FromSeconds(30));
        sim.Manifest.AddStep(new AttackStep(restart, "cold-restart", "DNP3 Cold Restart (function 13) from an unknown master (link address 99)", attacker.Name, [rtu.Host.Name],
            ["New Asset Detected", "Unpermitted Usage of DNP3 Function Code", "Outstation Restarted"]));
        sim.Manifest.AddStep(new AttackStep(operate, "direct-operate", "DNP3 Direct Operate (function 5) of CROB point 3 (latch on)", attacker.Name, [rtu.Host.Name],
            ["Unpermitted Usage of DNP3 Function Code"]));
        sim.At(restart, () =>
        {
            var t = dnp3.Connection.Open(ArpTraffic.Resolve(sim, sim.Now, attacker, rtu.Host).Add(Talk.Rtt), Talk.Rtt);
            dnp3.ColdRestart(t.Add(TimeSpan.FromMilliseconds(10)));
        });
        sim.At(operate, () =>
        {
            var t = dnp3.DirectOperate(sim.Now, 3);
            dnp3.Connection.Close(t.Add(TimeSpan.FromMilliseconds(100)), Talk.Rtt);
        });
    }
}
