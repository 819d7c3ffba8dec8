using OtSensor.Simulation.Manifest;
using OtSensor.Simulation.Traffic;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Scenarios;

/// <summary>A compromised workstation guesses the historian's FTP password in clear text until one works.</summary>
public sealed class PasswordGuessingScenario : Scenario
{
    private static readonly string[] Guesses = ["admin", "password", "123456", "historian", "Welcome1", "plant2026", "Winter2025!", "P@ssw0rd"];

    public override string Name => "password-guessing";
    public override string Description => "Cleartext FTP logins to the historian from a workstation: seven failures, then success.";

    public override void Schedule(ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sim = context.Sim;
        var plant = context.Plant;
        var random = context.NewRandom();
        var attacker = plant.Workstations[0];
        var at = context.At(0.4);
        sim.Manifest.AddStep(new AttackStep(at, "ftp-password-guessing", "FTP USER/PASS in clear text to the historian: 7 rejected (530) in three connections, the 8th accepted (230)", attacker.Name, [plant.Historian.Name],
            ["FTP Login Failed", "Password Guessing Attempt Detected", "Excessive Login Attempts"]));
        sim.At(at, () =>
        {
            var t = ArpTraffic.Resolve(sim, sim.Now, attacker, plant.Historian);
            for (int batch = 0; batch < Guesses.Length; batch += 3)
            {
                var tcp = new TcpConnection(sim, attacker, attacker.NextEphemeralPort(), plant.Historian, FtpTraffic.Port, random);
                t = FtpTraffic.Login(tcp, t.Add(TimeSpan.FromMilliseconds(300)), "operator", Guesses[batch..Math.Min(batch + 3, Guesses.Length)], "P@ssw0rd", random);
            }
        });
    }
}
