using OtSensor.Simulation.Manifest;
using OtSensor.Simulation.Plant;
using OtSensor.Simulation.Traffic;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Scenarios;

/// <summary>A host that is not the engineering station downloads program blocks into an S7 PLC and inserts them.</summary>
public sealed class PlcProgrammingScenario : Scenario
{
    public override string Name => "plc-programming";
    public override string Description => "Unauthorized S7 program download (request download, download blocks, download ended, insert) from an HMI.";

    public override void Schedule(ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sim = context.Sim;
        var plant = context.Plant;
        var random = context.NewRandom();
        var plc = plant.Speaking(ControlProtocol.S7Comm).First();
        var hmi = plant.Hmis[0];
        var at = context.At(0.4);
        var s7 = new S7Client(sim, new TcpConnection(sim, hmi, hmi.NextEphemeralPort(), plc.Host, S7Client.Port, random), random);
        sim.Manifest.AddStep(new AttackStep(at, "plc-programming", "S7 download of OB1 (0x1A, 0x1B x3, 0x1C) and DB10, each inserted with PI service _INSE, from an HMI that is not a programming device",
            hmi.Name, [plc.Host.Name], ["Unauthorized PLC Programming"]));
        sim.At(at, () =>
        {
            var t = s7.Open(sim.Now);
            t = s7.DownloadBlock(t.Add(TimeSpan.FromMilliseconds(20)), "08", 1, 600);
            t = s7.DownloadBlock(t.Add(TimeSpan.FromMilliseconds(50)), "0A", 10, 180);
            s7.Connection.Close(t.Add(TimeSpan.FromMilliseconds(100)), Talk.Rtt);
        });
    }
}
