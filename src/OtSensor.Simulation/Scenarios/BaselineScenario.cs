namespace OtSensor.Simulation.Scenarios;

/// <summary>The plant and nothing else: what learning mode should learn.</summary>
public sealed class BaselineScenario : Scenario
{
    public override string Name => "baseline";
    public override string Description => "A clean plant: polling, engineering reads, building automation and IT background only.";

    public override void Schedule(ScenarioContext context) { }
}
