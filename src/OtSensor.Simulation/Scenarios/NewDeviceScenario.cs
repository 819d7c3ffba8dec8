using OtSensor.Core.Net;
using OtSensor.Simulation.Manifest;
using OtSensor.Simulation.Plant;
using OtSensor.Simulation.Traffic;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Scenarios;

/// <summary>A new PLC is connected to the control network, announces itself and is put into the HMI's polling.</summary>
public sealed class NewDeviceScenario : Scenario
{
    public override string Name => "new-device";
    public override string Description => "A new Modbus PLC joins the control network (gratuitous ARP) and the HMI starts polling it.";

    public override void Schedule(ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sim = context.Sim;
        var plant = context.Plant;
        var random = context.NewRandom();
        var host = new Host("PLC-MB-NEW", new MacAddress(0x0030DE_000000UL | (uint)random.Next(0x100000, 0xFFFFFF)), plant.ControlSubnet | 150, DeviceKind.Plc, 1)
        {
            Vendor = "WAGO", Model = "750-8212 PFC200", Firmware = "04.02.13", Serial = "3A5F0E21",
        };
        host.SeedCounters(random);
        sim.Manifest.AddDevice(host);
        var device = new FieldDevice(host, ControlProtocol.ModbusTcp) { Address = 9 };
        var at = context.At(0.4);
        sim.Manifest.AddStep(new AttackStep(at, "new-device", "A PLC never seen before announces 10.20.1.150 and answers Modbus polls from the HMI", host.Name, [host.Name],
            ["New Asset Detected"]));
        sim.At(at, () => ArpTraffic.Announce(sim, sim.Now, host));
        BaselineTraffic.Poll(context, plant.Hmis[0], device, TimeSpan.FromMilliseconds(500), at.Add(TimeSpan.FromSeconds(5)));
    }
}
