using OtSensor.Simulation.Manifest;
using OtSensor.Simulation.Plant;
using OtSensor.Simulation.Traffic;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Scenarios;

/// <summary>A level-1 PLC opens TLS to an internet address through the gateway (a vendor cloud, or a beacon).</summary>
public sealed class InternetAccessScenario : Scenario
{
    public override string Name => "internet-access";
    public override string Description => "A level-1 PLC connects to an internet address on 443 through the gateway, twice.";

    public override void Schedule(ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sim = context.Sim;
        var plant = context.Plant;
        var random = context.NewRandom();
        var plc = plant.FieldDevices.First(d => d.Protocol == ControlProtocol.EtherNetIP).Host;
        // Frames from the internet arrive from the gateway's MAC: the remote end is the gateway's MAC with a public address.
        var remote = new Host("cloud.example.net", plant.Gateway.Mac, (52u << 24) | (168u << 16) | (112u << 8) | 66, DeviceKind.Server, 5) { Ttl = 52 };
        remote.SeedCounters(random);
        var at = context.At(0.4);
        sim.Manifest.AddStep(new AttackStep(at, "internet-access", "TLS to 52.168.112.66:443 (SNI telemetry.cloud.example.net) from a level-1 PLC", plc.Name, ["52.168.112.66"],
            ["Internet Access Detected", "Unauthorized Internet Connectivity Detected"]));
        sim.At(at, () =>
        {
            var t = ArpTraffic.Resolve(sim, sim.Now, plc, plant.Gateway);
            var tcp = new TcpConnection(sim, plc, plc.NextEphemeralPort(), remote, TlsTraffic.Port, random);
            TlsTraffic.Hello(sim, tcp, t.Add(TimeSpan.FromMilliseconds(1)), "telemetry.cloud.example.net", random);
        });
        sim.At(at.Add(TimeSpan.FromSeconds(30)), () =>
        {
            var tcp = new TcpConnection(sim, plc, plc.NextEphemeralPort(), remote, TlsTraffic.Port, random);
            TlsTraffic.Hello(sim, tcp, sim.Now, "telemetry.cloud.example.net", random);
        });
    }
}
