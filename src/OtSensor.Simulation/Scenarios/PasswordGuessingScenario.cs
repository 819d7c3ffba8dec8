using OtSensor.Simulation.Manifest;
using OtSensor.Simulation.Plant;
using OtSensor.Simulation.Traffic;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Scenarios;

/// <summary>
/// A compromised workstation guesses passwords over the plant's cleartext logins until one works: FTP on the historian,
/// HTTP Basic authentication on a PLC's web interface, Telnet on the gateway switch's console.
/// </summary>
/// <remarks>
/// Every step comes after a sensor's default minute of learning in the three-minute replays the tests make (40 %, 55 %
/// and 75 % of the run), so none of it is learned as plant behaviour; the FTP and Telnet runs each make more than 20
/// logins within a minute (sensor-reference §3.5 "Excessive Login Attempts"), and they are more than a minute apart, so
/// each reaches that count on its own.
/// </remarks>
public sealed class PasswordGuessingScenario : Scenario
{
    // A short dictionary run: 23 rejected, then the right one (three tries per connection, as FTP servers allow).
    private static readonly string[] Guesses =
    [
        "admin", "password", "123456", "historian", "Welcome1", "plant2026", "Winter2025!", "operator", "Operator1", "pi",
        "osisoft", "PIadmin", "qwerty", "letmein", "12345678", "Summer2025!", "Password1", "changeme", "scada", "hmi",
        "Historian1", "Plant2026!", "welcome", "P@ssw0rd",
    ];

    private static readonly string[] WebGuesses = ["admin", "1234", "schneider", "password", "USER", "Admin123"];

    private static readonly string[] ConsoleGuesses =
    [
        "cisco", "Cisco", "admin", "password", "cisco123", "default", "switch", "router", "letmein", "123456",
        "P@ssw0rd", "Cisco1", "enable", "secret", "plant", "Plant2026", "ie3400", "Welcome1", "changeme", "manager", "C1sco!2026",
    ];

    public override string Name => "password-guessing";
    public override string Description => "Cleartext logins guessed from a workstation: FTP on the historian, HTTP Basic on a PLC's web page, Telnet on the gateway switch; each ends in success.";

    public override void Schedule(ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sim = context.Sim;
        var plant = context.Plant;
        var random = context.NewRandom();
        var attacker = plant.Workstations[0];

        var at = context.At(0.4);
        sim.Manifest.AddStep(new AttackStep(at, "ftp-password-guessing", $"FTP USER/PASS in clear text to the historian within a minute: {Guesses.Length - 1} rejected (530), three per connection, the last accepted (230)", attacker.Name, [plant.Historian.Name],
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

        var plc = plant.Speaking(ControlProtocol.ModbusTcp).First().Host;
        var web = context.At(0.55);
        sim.Manifest.AddStep(new AttackStep(web, "http-basic-password-guessing",
            $"GET /config.htm on the PLC's web server: once without credentials, then {WebGuesses.Length} 'Authorization: Basic' headers (user:password in base64, clear text), 5 answered 401, the last 200",
            attacker.Name, [plc.Name], ["HTTP Client Error", "Unauthorized HTTP Activity"]));
        sim.At(web, () =>
        {
            var t = ArpTraffic.Resolve(sim, sim.Now, attacker, plc);
            var tcp = new TcpConnection(sim, attacker, attacker.NextEphemeralPort(), plc, HttpBasicTraffic.Port, random);
            HttpBasicTraffic.Guess(sim, tcp, t.Add(TimeSpan.FromMilliseconds(5)), "/config.htm", "admin", WebGuesses, "Admin123", "PLC Web Server", random);
        });

        var console = plant.Gateway;
        var telnet = context.At(0.75);
        sim.Manifest.AddStep(new AttackStep(telnet, "telnet-password-guessing",
            $"Telnet to the gateway switch's console (NVT option negotiation, 'User Access Verification'): {ConsoleGuesses.Length} user/password pairs in clear text within a minute, three per connection; the last one logs in",
            attacker.Name, [console.Name], ["Excessive Login Attempts", "Password Guessing Attempt Detected"]));
        sim.At(telnet, () =>
        {
            var t = ArpTraffic.Resolve(sim, sim.Now, attacker, console);
            for (int batch = 0; batch < ConsoleGuesses.Length; batch += 3)
            {
                var tcp = new TcpConnection(sim, attacker, attacker.NextEphemeralPort(), console, TelnetTraffic.Port, random);
                t = TelnetTraffic.Login(tcp, t.Add(TimeSpan.FromMilliseconds(200)), "admin", ConsoleGuesses[batch..Math.Min(batch + 3, ConsoleGuesses.Length)], "C1sco!2026", $"{console.Name}>", random);
            }
        });
    }
}
