using OtSensor.Simulation.Manifest;
using OtSensor.Simulation.Plant;
using OtSensor.Simulation.Traffic;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Scenarios;

/// <summary>An HMI, which is not the engineering station, stops an S7 PLC, writes to a data block, and starts it again.</summary>
public sealed class PlcStopScenario : Scenario
{
    public override string Name => "plc-stop";
    public override string Description => "Unauthorized PLC stop, data block write and restart from an HMI (not a programming device).";

    public override void Schedule(ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sim = context.Sim;
        var plant = context.Plant;
        var random = context.NewRandom();
        var plc = plant.Speaking(ControlProtocol.S7Comm).First();
        var hmi = plant.Hmis[^1];
        var stop = context.At(0.4);
        var write = stop.Add(TimeSpan.FromSeconds(20));
        var start = stop.Add(TimeSpan.FromSeconds(60));
        var s7 = new S7Client(sim, new TcpConnection(sim, hmi, hmi.NextEphemeralPort(), plc.Host, S7Client.Port, random), random);
        sim.Manifest.AddStep(new AttackStep(stop, "plc-stop", "S7 PLC Stop (function 0x29) sent from an HMI", hmi.Name, [plc.Host.Name],
            ["An S7 Stop PLC Command was Sent", "Controller Stop"]));
        sim.Manifest.AddStep(new AttackStep(write, "db-write", "S7 Write Var to data block 10 while the PLC is stopped", hmi.Name, [plc.Host.Name],
            ["Unauthorized PLC Configuration Write"]));
        sim.Manifest.AddStep(new AttackStep(start, "plc-start", "S7 PI service P_PROGRAM (function 0x28): the PLC is started again", hmi.Name, [plc.Host.Name],
            ["PLC Operating Mode Changed"]));
        sim.At(stop, () => s7.Stop(s7.Open(sim.Now).Add(TimeSpan.FromMilliseconds(5))));
        sim.At(write, () => s7.WriteDataBlock(sim.Now, 10, 0, 4));
        sim.At(start, () =>
        {
            var t = s7.Start(sim.Now);
            s7.Connection.Close(t.Add(TimeSpan.FromMilliseconds(50)), Talk.Rtt);
        });
    }
}
