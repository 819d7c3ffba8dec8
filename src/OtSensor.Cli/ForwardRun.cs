using System.CommandLine;
using OtSensor.Outputs.Forwarding;
using OtSensor.Outputs.Forwarding.Config;
using OtSensor.Outputs.Forwarding.Outbox;

namespace OtSensor.Cli;

/// <summary>
/// Forwarding for <c>analyze --forward</c> and <c>forward</c>: targets from the command line and the configuration
/// file parsed up front (a bad one stops the command with one line, exit 2), the run's records read into the outbox
/// file, then sent by background loops while this thread only waits, up to a time limit; what is left stays in the
/// outbox for the next <c>otsensor forward</c>.
/// </summary>
internal static class ForwardRun
{
    /// <summary>The forwarding rule's options (sensor-reference §10.5), named with <paramref name="prefix"/>
    /// (<c>--min-severity</c> on <c>forward</c>, <c>--forward-min-severity</c> on <c>analyze</c>).</summary>
    public sealed class RuleOptions
    {
        public RuleOptions(string prefix)
        {
            MinimumSeverity = new Option<string?>($"--{prefix}min-severity") { Description = "Forward only alerts at least this severe: Warning, Minor, Major, Critical (replaces the config file's rules)." };
            Engines = new Option<string[]>($"--{prefix}engine") { Description = "Forward only alerts of this engine (repeatable): Protocol Violation, Policy Violation, Anomaly, Malware, Operational.", Arity = ArgumentArity.ZeroOrMore };
            Protocols = new Option<string[]>($"--{prefix}protocol") { Description = "Forward only alerts of this protocol (repeatable, e.g. modbus).", Arity = ArgumentArity.ZeroOrMore };
        }

        public Option<string?> MinimumSeverity { get; }
        public Option<string[]> Engines { get; }
        public Option<string[]> Protocols { get; }

        public void AddTo(Command command)
        {
            command.Options.Add(MinimumSeverity);
            command.Options.Add(Engines);
            command.Options.Add(Protocols);
        }

        /// <summary>True when any rule option was given (it then replaces the configuration's rules).</summary>
        public bool Given(ParseResult parse) =>
            parse.GetValue(MinimumSeverity) is not null || (parse.GetValue(Engines)?.Length ?? 0) > 0 || (parse.GetValue(Protocols)?.Length ?? 0) > 0;

        public ForwardRule? Create(ParseResult parse, out string? error) =>
            ForwardRule.TryCreate(parse.GetValue(MinimumSeverity), parse.GetValue(Engines) ?? [], parse.GetValue(Protocols) ?? [], out error);
    }

    /// <summary>The plan from the configuration file (may be null) and the command line's targets and rule; null and a
    /// one-line error (naming the option or the configuration key, never a secret) when anything is wrong.</summary>
    public static ForwardPlan? Prepare(string? configPath, IReadOnlyList<string> specs, RuleOptions ruleOptions, ParseResult parse, string optionName, out string? error)
    {
        ForwardingConfig? config = null;
        if (configPath is not null)
        {
            config = ForwardingConfigReader.TryLoad(configPath, out error);
            if (config is null)
            {
                error = $"{optionName}: {error}";
                return null;
            }
        }
        ForwardRule? rule = config?.Rule ?? ForwardRule.All;
        if (ruleOptions.Given(parse))
        {
            rule = ruleOptions.Create(parse, out error);
            if (rule is null) return null;
        }
        var senders = new List<IAlertSender>();
        if (config is not null)
            foreach (var target in config.Targets) senders.Add(target.CreateSender());
        foreach (var spec in specs)
        {
            var sender = ForwardTargets.TryCreate(spec, out error);
            if (sender is null)
            {
                foreach (var s in senders) s.DisposeAsync().AsTask().GetAwaiter().GetResult();
                return null;
            }
            senders.Add(sender);
        }
        error = null;
        return new ForwardPlan
        {
            Senders = senders,
            Rule = rule,
            Sensor = config?.Sensor,
            OutboxPath = config?.OutboxPath,
            Outbox = config?.Outbox ?? new OutboxOptions(),
            DeviceChanges = config?.DeviceChanges ?? false,
            Events = config?.Events ?? false,
        };
    }

    /// <summary>Queues the run's records (alerts.json, and devices.json / events.jsonl beside it when the plan asks)
    /// and sends; true when nothing is left pending.</summary>
    public static bool Run(string? alertsJson, string outboxPath, ForwardPlan plan, string sensor, TimeSpan timeout, bool quiet, out string? error)
    {
        error = null;
        var records = new List<OutboundAlert>();
        if (alertsJson is not null)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(alertsJson))!;
            string current = alertsJson;
            try
            {
                using (var stream = File.OpenRead(alertsJson)) records.AddRange(AlertsJsonReader.Read(stream, sensor));
                current = Path.Combine(folder, "devices.json");
                if (plan.DeviceChanges && File.Exists(current))
                {
                    using var stream = File.OpenRead(current);
                    records.AddRange(InventoryRecordsReader.ReadDevices(stream, sensor, File.GetLastWriteTimeUtc(current)));
                }
                current = Path.Combine(folder, "events.jsonl");
                if (plan.Events && File.Exists(current))
                {
                    using var reader = File.OpenText(current);
                    records.AddRange(InventoryRecordsReader.ReadEvents(reader, sensor));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                error = $"{current}: {e.Message}";
                plan.DisposeSenders();
                return false;
            }
        }
        var options = new OutboxOptions
        {
            MaxPending = plan.Outbox.MaxPending,
            Overflow = plan.Outbox.Overflow,
            MaxAttempts = plan.Outbox.MaxAttempts,
            Retention = plan.Outbox.Retention,
            Sensor = sensor,
        };
        AlertOutbox outbox;
        try
        {
            outbox = AlertOutbox.Open(outboxPath, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            error = $"cannot open the outbox {outboxPath}: {e.Message}";
            plan.DisposeSenders();
            return false;
        }
        using var _ = outbox;
        var operational = new List<OutboundAlert>();
        outbox.OutboxFull += a =>
        {
            lock (operational) operational.Add(a);
            Console.Error.WriteLine($"otsensor: forward: {a.Title} ({a.Severity}): {a.Message}");
        };
        bool drained;
        var forwarder = new AlertForwarder(outbox, plan.Senders, new ForwarderOptions { Rule = plan.Rule });
        try
        {
            forwarder.Start();
            forwarder.EnqueueRange(records);
            drained = forwarder.DrainAsync(timeout).GetAwaiter().GetResult();
        }
        finally
        {
            forwarder.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        var outboxFolder = Path.GetDirectoryName(Path.GetFullPath(outboxPath))!;
        using (var json = new FileStream(Path.Combine(outboxFolder, "forwarding.json"), FileMode.Create, FileAccess.Write, FileShare.Read))
            ForwardingJsonWriter.Write(json, outbox.Counters, outboxPath, operational);
        foreach (var t in outbox.Counters.Targets)
        {
            long pending = outbox.PendingCount(t.Target);
            bool bad = pending > 0 || t.DeadLettered > 0;
            if (!quiet || bad)
                Console.Error.WriteLine($"otsensor: forward {t.Target}: {t.Sent:N0} sent, {pending:N0} pending, {t.DeadLettered:N0} dead-lettered, {t.Failed:N0} failed attempts{(t.LastError is null ? "" : $" (last: {t.LastError})")}");
        }
        if (!quiet && outbox.Counters.Filtered > 0)
            Console.Error.WriteLine($"otsensor: forward: {outbox.Counters.Filtered:N0} alerts left out by the forwarding rule");
        if (outbox.Counters.RefusedOnOverflow + outbox.Counters.DroppedOnOverflow > 0)
            Console.Error.WriteLine($"otsensor: forward: outbox full: {outbox.Counters.DroppedOnOverflow:N0} dropped, {outbox.Counters.RefusedOnOverflow:N0} refused");
        if (!drained)
            Console.Error.WriteLine($"otsensor: forward: records still pending after {timeout.TotalSeconds:N0} s are kept in {outboxPath}; send them with 'otsensor forward --outbox {outboxPath} --to ...'");
        return drained;
    }
}
