using OtSensor.Core.Time;

namespace OtSensor.Simulation.Manifest;

/// <summary>
/// One step of a scenario's storyline: when, who against whom, what happened, and the alert titles (sensor-reference
/// §3, exact wording) a sensor should raise for it. These lists are the detection engines' test expectations.
/// </summary>
public sealed record AttackStep(Timestamp At, string Name, string Description, string Attacker, IReadOnlyList<string> Targets, IReadOnlyList<string> ExpectedAlerts);
