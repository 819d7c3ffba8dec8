using OtSensor.Core.Time;
using System.CommandLine;

namespace OtSensor.Cli;

/// <summary>
/// <c>otsensor forward --alerts &lt;out&gt;/alerts.json [--config forwarding.json] [--to &lt;target&gt;...]</c>: sends (or
/// re-sends) a finished run's alerts, and with the configuration's <c>records</c> its device changes and events, to
/// Event Hubs or syslog through the outbox; records already delivered to a target are not sent to it again. Without
/// <c>--alerts</c> it only drains what the outbox still holds.
/// </summary>
internal static class ForwardCommand
{
    /// <summary>Not everything was delivered before the time limit (kept in the outbox).</summary>
    public const int NotAllSent = 3;

    public static Command Create()
    {
        var alerts = new Option<string?>("--alerts") { Description = "alerts.json written by 'otsensor analyze'." };
        var config = new Option<string?>("--config") { Description = "Forwarding configuration (JSON): targets, Entra ID, rules, records, outbox. See the forwarding README." };
        var to = new Option<string[]>("--to")
        {
            Description = "Target: eventhubs:<connection-string>, eventhubs:env:VAR, syslog:udp://host:514, syslog:tcp://host:601, syslog:tls://host:6514[?ca=<pem>|pin=<sha256>][&format=cef|cef-3164|rfc5424]. Repeatable; added to the config file's targets.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var outbox = new Option<string?>("--outbox") { Description = "Outbox file (default: the config file's outbox.path, else outbox.db beside alerts.json)." };
        var sensor = new Option<string?>("--sensor") { Description = "Sensor name in the records (default: the config file's sensor, else the host name)." };
        var timeout = new Option<string>("--timeout") { Description = "How long to keep trying (e.g. 30s, 5m).", DefaultValueFactory = _ => "60s" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only problems." };
        var rule = new ForwardRun.RuleOptions("");

        var command = new Command("forward", "Send a finished run's alerts to Microsoft Sentinel (Event Hubs) or a syslog server (CEF or RFC 5424).");
        command.Options.Add(alerts);
        command.Options.Add(config);
        command.Options.Add(to);
        command.Options.Add(outbox);
        command.Options.Add(sensor);
        command.Options.Add(timeout);
        command.Options.Add(quiet);
        rule.AddTo(command);
        command.SetAction(parse =>
        {
            var alertsPath = parse.GetValue(alerts);
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
            var plan = ForwardRun.Prepare(parse.GetValue(config), parse.GetValue(to) ?? [], rule, parse, "--config", out var error);
            if (plan is null)
            {
                Console.Error.WriteLine($"otsensor: forward: {error}");
                return ExitCodes.BadUsage;
            }
            if (plan.Senders.Count == 0)
            {
                Console.Error.WriteLine("otsensor: forward: no target: give --to <target> or a --config file with targets");
                return ExitCodes.BadUsage;
            }
            var outboxPath = parse.GetValue(outbox) ?? plan.OutboxPath
                ?? (alertsPath is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(alertsPath))!, "outbox.db"));
            if (outboxPath is null)
            {
                plan.DisposeSenders();
                Console.Error.WriteLine("otsensor: forward: give --alerts <alerts.json> or --outbox <outbox.db>");
                return ExitCodes.BadUsage;
            }
            var sensorName = parse.GetValue(sensor) ?? plan.Sensor ?? Environment.MachineName;
            bool drained = ForwardRun.Run(alertsPath, outboxPath, plan, sensorName, limit, parse.GetValue(quiet), out error);
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
