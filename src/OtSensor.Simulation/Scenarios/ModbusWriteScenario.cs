using OtSensor.Simulation.Manifest;
using OtSensor.Simulation.Plant;
using OtSensor.Simulation.Traffic;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Scenarios;

/// <summary>A newcomer writes coils and registers of a Modbus PLC, then probes addresses until the PLC answers only exceptions.</summary>
public sealed class ModbusWriteScenario : Scenario
{
    public override string Name => "modbus-writes";
    public override string Description => "Modbus writes (5, 6, 15, 16) from an unknown host, then an exception storm of illegal data addresses.";

    public override void Schedule(ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sim = context.Sim;
        var plant = context.Plant;
        var random = context.NewRandom();
        var plc = plant.Speaking(ControlProtocol.ModbusTcp).First();
        var attacker = context.NewcomerHost("ROGUE-MB", plant.ControlSubnet | 201);
        var modbus = new ModbusClient(sim, new TcpConnection(sim, attacker, attacker.NextEphemeralPort(), plc.Host, ModbusClient.Port, random), (byte)plc.Address, random);
        var writes = context.At(0.4);
        var storm = writes.Add(TimeSpan.FromSeconds(30));
        sim.Manifest.AddStep(new AttackStep(writes, "modbus-writes", "Write Single/Multiple Coils and Registers from a host never seen before", attacker.Name, [plc.Host.Name],
            ["New Asset Detected", "Unpermitted Usage of Modbus Function Code"]));
        sim.Manifest.AddStep(new AttackStep(storm, "exception-storm", "Fifty reads of unmapped addresses, each answered with exception 2", attacker.Name, [plc.Host.Name],
            ["Modbus Exception", "Slave Device Received Illegal Data Address Parameter", "Abnormal Exception Pattern in Slave"]));
        sim.At(writes, () =>
        {
            var t = modbus.Connection.Open(ArpTraffic.Resolve(sim, sim.Now, attacker, plc.Host).Add(Talk.Rtt), Talk.Rtt);
            t = modbus.WriteCoil(t.Add(TimeSpan.FromMilliseconds(20)), 0, on: true);
            t = modbus.WriteRegister(t.Add(TimeSpan.FromMilliseconds(20)), 100, 0x7FFF);
            t = modbus.WriteCoils(t.Add(TimeSpan.FromMilliseconds(20)), 0, 16);
            modbus.WriteRegisters(t.Add(TimeSpan.FromMilliseconds(20)), 110, [0, 0, 0, 0]);
        });
        sim.At(storm, () =>
        {
            var t = sim.Now;
            for (int i = 0; i < 50; i++) t = modbus.ReadIllegalAddress(t.Add(TimeSpan.FromMilliseconds(10)), (ushort)(40000 + (i * 16)));
            modbus.Connection.Close(t.Add(TimeSpan.FromMilliseconds(100)), Talk.Rtt);
        });
    }
}
