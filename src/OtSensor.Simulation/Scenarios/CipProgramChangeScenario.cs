using OtSensor.Simulation.Manifest;
using OtSensor.Simulation.Plant;
using OtSensor.Simulation.Traffic;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Scenarios;

/// <summary>An operations workstation, not a programming device, downloads a new program file into a Logix PLC over EtherNet/IP-CIP.</summary>
public sealed class CipProgramChangeScenario : Scenario
{
    public override string Name => "cip-program-change";
    public override string Description => "Unauthorized Logix program change: CIP File object Initiate Download and Download Transfers from an operations workstation.";

    public override void Schedule(ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sim = context.Sim;
        var plant = context.Plant;
        var random = context.NewRandom();
        var plc = plant.Speaking(ControlProtocol.EtherNetIP).First();
        var attacker = plant.Workstations[0];
        var at = context.At(0.4);
        const int length = 1800;
        sim.Manifest.AddStep(new AttackStep(at, "cip-program-change",
            $"RegisterSession, identity read, then CIP File object (class 0x37) Initiate Download (0x4C) of a {length}-byte program file and {(length + 199) / 200} Download Transfers (0x50) from an operations workstation that is not a programming device",
            attacker.Name, [plc.Host.Name], ["Unauthorized PLC Programming"]));
        sim.At(at, () =>
        {
            var enip = new EnipClient(sim, new TcpConnection(sim, attacker, attacker.NextEphemeralPort(), plc.Host, EnipClient.Port, random), random);
            var t = enip.Open(ArpTraffic.Resolve(sim, sim.Now, attacker, plc.Host).Add(Talk.Rtt));
            t = enip.ReadProductName(t.Add(TimeSpan.FromMilliseconds(30)), plc.Host);
            t = enip.DownloadFile(t.Add(TimeSpan.FromMilliseconds(200)), 0xC8, "Line1_MainProgram.L5X", length);
            enip.Connection.Close(t.Add(TimeSpan.FromMilliseconds(100)), Talk.Rtt);
        });
    }
}
