using OtSensor.Simulation.Manifest;
using OtSensor.Simulation.Plant;

namespace OtSensor.Simulation.Scenarios;

/// <summary>A Modbus PLC stops answering (power or link lost): its pollers retransmit, reset and then only ARP for it.</summary>
public sealed class DeviceSilentScenario : Scenario
{
    public override string Name => "device-silent";
    public override string Description => "A Modbus PLC goes silent 40 % into the capture: unanswered polls, TCP retransmissions and resets, unanswered ARP.";

    public override void Schedule(ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var plc = context.Plant.Speaking(ControlProtocol.ModbusTcp).First().Host;
        var at = context.At(0.4);
        context.SilenceFrom(plc, at);
        context.Sim.Manifest.AddStep(new AttackStep(at, "device-silent", "The PLC stops answering: polls are retransmitted and reset, ARP requests for it go unanswered", plc.Name, [plc.Name],
            ["Device is Suspected to be Disconnected (Unresponsive)", "Suspicion of Unresponsive MODBUS Device"]));
    }
}
