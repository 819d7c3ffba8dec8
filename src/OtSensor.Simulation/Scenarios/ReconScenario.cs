using OtSensor.Simulation.Manifest;
using OtSensor.Simulation.Plant;
using OtSensor.Simulation.Traffic;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Scenarios;

/// <summary>
/// A newcomer on the control network sweeps it with ARP, SYN-scans the controllers' service ports, then asks each
/// controller who it is in its own protocol (Modbus 43/14, S7 SZL, ENIP ListIdentity, BACnet Who-Is).
/// </summary>
public sealed class ReconScenario : Scenario
{
    private static readonly ushort[] ScannedPorts = [21, 22, 23, 80, 102, 443, 502, 2404, 20000, 44818, 47808];

    public override string Name => "recon";
    public override string Description => "Reconnaissance from a new host: ARP sweep, port scan, then ICS discovery in Modbus, S7, EtherNet/IP and BACnet.";

    public override void Schedule(ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sim = context.Sim;
        var plant = context.Plant;
        var random = context.NewRandom();
        var attacker = context.NewcomerHost("ROGUE-LAPTOP", plant.ControlSubnet | 200);
        var start = context.At(0.4);
        var targets = plant.FieldDevices.Select(d => d.Host.Name).ToArray();

        sim.Manifest.AddStep(new AttackStep(start, "arp-sweep", "ARP who-has for every address of the control subnet", attacker.Name, ["10.20.1.0/24"],
            ["New Asset Detected", "ARP Address Scan Detected", "Address Scan Detected"]));
        sim.At(start, () =>
        {
            var byAddress = plant.FieldDevices.ToDictionary(d => d.Host.Address, d => d.Host);
            var t = sim.Now;
            for (uint host = 1; host < 255; host++)
            {
                uint address = plant.ControlSubnet | host;
                if (address == attacker.Address) continue;
                if (byAddress.TryGetValue(address, out var target)) ArpTraffic.Resolve(sim, t, attacker, target);
                else ArpTraffic.Probe(sim, t, attacker, address);
                t = t.Add(TimeSpan.FromMilliseconds(4));
            }
        });

        var scan = start.Add(TimeSpan.FromSeconds(5));
        sim.Manifest.AddStep(new AttackStep(scan, "port-scan", "TCP SYN scan of common IT and ICS service ports on every controller", attacker.Name, targets,
            ["Port Scan Detected"]));
        sim.At(scan, () =>
        {
            var t = sim.Now;
            foreach (var device in plant.FieldDevices)
            {
                foreach (var port in ScannedPorts)
                {
                    var tcp = new TcpConnection(sim, attacker, attacker.NextEphemeralPort(), device.Host, port, random);
                    tcp.Probe(t, IsOpen(device.Protocol, port), Talk.Rtt);
                    t = t.Add(TimeSpan.FromMilliseconds(2));
                }
            }
        });

        var discovery = start.Add(TimeSpan.FromSeconds(15));
        sim.Manifest.AddStep(new AttackStep(discovery, "ics-discovery", "Identity requests to every controller in its own protocol", attacker.Name, targets,
            ["PLC Scan Detected", "Unauthorized PLC Configuration Read"]));
        sim.At(discovery, () =>
        {
            var t = sim.Now;
            foreach (var device in plant.FieldDevices)
                t = BaselineTraffic.ReadIdentity(context, attacker, device, t, random).Add(TimeSpan.FromMilliseconds(50));
            t = EnipClient.ListIdentity(sim, t.Add(TimeSpan.FromMilliseconds(50)), attacker, plant.Speaking(ControlProtocol.EtherNetIP), random);
            BacnetTraffic.WhoIs(sim, t.Add(TimeSpan.FromMilliseconds(50)), attacker, plant.Speaking(ControlProtocol.Bacnet), random);
        });
    }

    private static bool IsOpen(ControlProtocol protocol, ushort port) => (protocol, port) switch
    {
        (ControlProtocol.ModbusTcp, 502) or (ControlProtocol.S7Comm, 102) or (ControlProtocol.EtherNetIP, 44818)
            or (ControlProtocol.Dnp3, 20000) or (ControlProtocol.Iec104, 2404) => true,
        (_, 80) => true,
        _ => false,
    };
}
