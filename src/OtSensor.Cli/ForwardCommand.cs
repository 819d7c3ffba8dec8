using System.CommandLine;

namespace OtSensor.Cli;

/// <summary>
/// <c>otsensor forward --alerts &lt;out&gt;/alerts.json --to &lt;target&gt;...</c>: sends (or re-sends) a finished run's
/// alerts to Event Hubs or syslog through the outbox beside alerts.json; alerts already delivered to a target are
/// not sent to it again. Without <c>--alerts</c> it only drains what the outbox still holds.
/// </summary>
internal static class ForwardCommand
{
    /// <summary>Not everything was delivered before the time limit (kept in the outbox).</summary>
    public const int NotAllSent = 3;

    public static Command Create()
    {
        var alerts = new Option<string?>("--alerts") { Description = "alerts.json written by 'otsensor analyze'." };
        var to = new Option<string[]>("--to")
        {
            Description = "Target: eventhubs:<connection-string>, eventhubs:env:VAR, syslog:udp://host:514, syslog:tcp://host:601, syslog:tls://host:6514[?ca=<pem>|pin=<sha256>][&format=3164]. Repeatable.",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var outbox = new Option<string?>("--outbox") { Description = "Outbox file (default: outbox.db beside alerts.json)." };
        var sensor = new Option<string>("--sensor") { Description = "Sensor name in the records.", DefaultValueFactory = _ => Environment.MachineName };
        var timeout = new Option<string>("--timeout") { Description = "How long to keep trying (e.g. 30s, 5m).", DefaultValueFactory = _ => "60s" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only problems." };
        var rule = new ForwardRun.RuleOptions("");

        var command = new Command("forward", "Send a finished run's alerts to Microsoft Sentinel (Event Hubs) or a syslog server (CEF).");
        command.Options.Add(alerts);
        command.Options.Add(to);
        command.Options.Add(outbox);
        command.Options.Add(sensor);
        command.Options.Add(timeout);
        command.Options.Add(quiet);
        rule.AddTo(command);
        command.SetAction(parse =>
        {
            var forwardRule = rule.Create(parse, out var ruleError);
            if (forwardRule is null)
            {
                Console.Error.WriteLine($"otsensor: forward: {ruleError}");
                return ExitCodes.BadUsage;
            }
            var alertsPath = parse.GetValue(alerts);
            var outboxPath = parse.GetValue(outbox) ?? (alertsPath is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(alertsPath))!, "outbox.db"));
            if (outboxPath is null)
            {
                Console.Error.WriteLine("otsensor: forward: give --alerts <alerts.json> or --outbox <outbox.db>");
                return ExitCodes.BadUsage;
            }
            if (!DurationText.TryParse(parse.GetValue(timeout), out var limit))
            {
                Console.Error.WriteLine($"otsensor: --timeout: '{parse.GetValue(timeout)}' is not a duration (e.g. 30s, 5m)");
                return ExitCodes.BadUsage;
            }
            if (alertsPath is not null && !File.Exists(alertsPath))
            {
                Console.Error.WriteLine($"otsensor: forward: {alertsPath} does not exist");
                return ExitCodes.BadUsage;
            }
            var senders = ForwardRun.CreateSenders(parse.GetValue(to)!, out var error);
            if (senders is null)
            {
                Console.Error.WriteLine($"otsensor: --to: {error}");
                return ExitCodes.BadUsage;
            }
            bool drained = ForwardRun.Run(alertsPath, outboxPath, senders, forwardRule, parse.GetValue(sensor)!, limit, parse.GetValue(quiet), out error);
            if (error is not null)
            {
                Console.Error.WriteLine($"otsensor: forward: {error}");
                return ExitCodes.BadUsage;
            }
            return drained ? ExitCodes.Ok : NotAllSent;
        });
        return command;
    }
}
