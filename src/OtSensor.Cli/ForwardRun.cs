using System.CommandLine;
using OtSensor.Outputs.Forwarding;
using OtSensor.Outputs.Forwarding.Outbox;

namespace OtSensor.Cli;

/// <summary>
/// Forwarding for <c>analyze --forward</c> and <c>forward</c>: targets parsed up front (a bad one stops the command with
/// one line, exit 2), alerts read from alerts.json into the outbox file, then sent by background loops while this
/// thread only waits, up to a time limit; what is left stays in the outbox for the next <c>otsensor forward</c>.
/// </summary>
internal static class ForwardRun
{
    /// <summary>The forwarding rule's options (sensor-reference §10.5), named with <paramref name="prefix"/>
    /// (<c>--min-severity</c> on <c>forward</c>, <c>--forward-min-severity</c> on <c>analyze</c>).</summary>
    public sealed class RuleOptions
    {
        public RuleOptions(string prefix)
        {
            MinimumSeverity = new Option<string?>($"--{prefix}min-severity") { Description = "Forward only alerts at least this severe: Warning, Minor, Major, Critical." };
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

        public ForwardRule? Create(ParseResult parse, out string? error) =>
            ForwardRule.TryCreate(parse.GetValue(MinimumSeverity), parse.GetValue(Engines) ?? [], parse.GetValue(Protocols) ?? [], out error);
    }

    /// <summary>Senders for the specs; null and a one-line error when any is bad (senders made so far are disposed).</summary>
    public static List<IAlertSender>? CreateSenders(IReadOnlyList<string> specs, out string? error)
    {
        error = null;
        var senders = new List<IAlertSender>();
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
        return senders;
    }

    /// <summary>Queues the alerts.json's alerts (when given) and sends; true when nothing is left pending.</summary>
    public static bool Run(string? alertsJson, string outboxPath, List<IAlertSender> senders, ForwardRule rule, string sensor, TimeSpan timeout, bool quiet, out string? error)
    {
        error = null;
        IReadOnlyList<OutboundAlert> alerts = [];
        if (alertsJson is not null)
        {
            try
            {
                using var stream = File.OpenRead(alertsJson);
                alerts = AlertsJsonReader.Read(stream, sensor);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                error = $"{alertsJson}: {e.Message}";
                foreach (var s in senders) s.DisposeAsync().AsTask().GetAwaiter().GetResult();
                return false;
            }
        }
        AlertOutbox outbox;
        try
        {
            outbox = AlertOutbox.Open(outboxPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            error = $"cannot open the outbox {outboxPath}: {e.Message}";
            foreach (var s in senders) s.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return false;
        }
        using var _ = outbox;
        bool drained;
        var forwarder = new AlertForwarder(outbox, senders, new ForwarderOptions { Rule = rule });
        try
        {
            forwarder.Start();
            forwarder.EnqueueRange(alerts);
            drained = forwarder.DrainAsync(timeout).GetAwaiter().GetResult();
        }
        finally
        {
            forwarder.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(outboxPath))!;
        using (var json = new FileStream(Path.Combine(folder, "forwarding.json"), FileMode.Create, FileAccess.Write, FileShare.Read))
            ForwardingJsonWriter.Write(json, outbox.Counters, outboxPath);
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
            Console.Error.WriteLine($"otsensor: forward: alerts still pending after {timeout.TotalSeconds:N0} s are kept in {outboxPath}; send them with 'otsensor forward --outbox {outboxPath} --to ...'");
        return drained;
    }
}
