namespace OtSensor.Simulation.Scenarios;

/// <summary>A storyline played over the baseline plant, with its steps written to the manifest.</summary>
public abstract class Scenario
{
    public abstract string Name { get; }
    public abstract string Description { get; }

    /// <summary>Schedules the storyline's traffic and records its steps (the baseline is already scheduled).</summary>
    public abstract void Schedule(ScenarioContext context);
}
