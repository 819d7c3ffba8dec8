using System.Text.Json;
using OtSensor.Analysis.Detection;
using OtSensor.Engine;
using OtSensor.Outputs.Files;
using OtSensor.Outputs.Forwarding;
using OtSensor.Outputs.Forwarding.Outbox;

namespace OtSensor.Cli;

/// <summary>
/// The forwarders of <c>otsensor sensor</c>, from the configuration's <c>forwarding</c> section: alerts new or counted
/// up in the live analysis go into the outbox (beside the store) and are sent by <see cref="AlertForwarder"/>'s loops,
/// as <c>otsensor forward</c> does for a finished run. The targets and the rule can change on reload.
/// </summary>
/// <remarks>
/// <para>The section: <c>{"targets": ["syslog:udp://10.1.2.3:514", "eventhubs:env:OTSENSOR_EVENTHUBS"],
/// "minSeverity": "Major", "engines": ["Operational"], "protocols": ["modbus"], "outbox": "/var/lib/otsensor/outbox.db"}</c>;
/// targets use the <c>--to</c> syntax of <c>otsensor forward</c>. Alerts are mapped through alerts.json's format
/// (<see cref="AlertsJsonWriter"/> then <see cref="AlertsJsonReader"/>), the one mapping the forwarders know.</para>
/// </remarks>
internal sealed class SensorForwarding : IAsyncDisposable
{
    private static readonly string[] Keys = ["targets", "minSeverity", "engines", "protocols", "outbox"];
    private readonly Lock _lock = new();
    private readonly AlertOutbox _outbox;
    private readonly string _sensor;
    private AlertForwarder _forwarder;

    private SensorForwarding(AlertOutbox outbox, AlertForwarder forwarder, string sensor)
    {
        _outbox = outbox;
        _forwarder = forwarder;
        _sensor = sensor;
    }

    /// <summary>The targets being sent to.</summary>
    public IReadOnlyList<string> Targets
    {
        get
        {
            lock (_lock) return _forwarder.Targets;
        }
    }

    /// <summary>A checked section's senders and rule; null with a one-line error naming the key when it is wrong.</summary>
    public static (List<IAlertSender> Senders, ForwardRule Rule, string? Outbox)? Check(JsonElement section, string name, out string? error)
    {
        error = null;
        if (section.ValueKind != JsonValueKind.Object)
        {
            error = $"{name}: 'forwarding': must be an object like {{\"targets\": [\"syslog:udp://10.1.2.3:514\"]}}";
            return null;
        }
        foreach (var property in section.EnumerateObject())
        {
            if (Array.IndexOf(Keys, property.Name) < 0)
            {
                error = $"{name}: 'forwarding.{property.Name}': unknown key (known: {string.Join(", ", Keys)})";
                return null;
            }
        }
        if (!TryStrings(section, "targets", name, out var targets, out error) || !TryStrings(section, "engines", name, out var engines, out error)
            || !TryStrings(section, "protocols", name, out var protocols, out error))
            return null;
        if (targets.Count == 0)
        {
            error = $"{name}: 'forwarding.targets': must list at least one target, e.g. [\"syslog:udp://10.1.2.3:514\"]";
            return null;
        }
        string? minimum = null, outbox = null;
        if (section.TryGetProperty("minSeverity", out var m) && m.ValueKind != JsonValueKind.Null)
        {
            if (m.ValueKind != JsonValueKind.String)
            {
                error = $"{name}: 'forwarding.minSeverity': must be Warning, Minor, Major or Critical";
                return null;
            }
            minimum = m.GetString();
        }
        if (section.TryGetProperty("outbox", out var o) && o.ValueKind != JsonValueKind.Null)
        {
            if (o.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(o.GetString()))
            {
                error = $"{name}: 'forwarding.outbox': must be a file path";
                return null;
            }
            outbox = o.GetString();
        }
        var rule = ForwardRule.TryCreate(minimum, engines, protocols, out var ruleError);
        if (rule is null)
        {
            error = $"{name}: 'forwarding': {ruleError}";
            return null;
        }
        var senders = new List<IAlertSender>();
        foreach (var spec in targets)
        {
            if (ForwardTargets.TryCreate(spec, out var targetError) is { } sender)
            {
                senders.Add(sender);
                continue;
            }
            foreach (var s in senders) s.DisposeAsync().AsTask().GetAwaiter().GetResult();
            error = $"{name}: 'forwarding.targets': {targetError}";
            return null;
        }
        return (senders, rule, outbox);
    }

    /// <summary>Opens the outbox and starts sending; null with a one-line error when the section or the outbox is wrong.</summary>
    public static SensorForwarding? Start(JsonElement section, string name, string store, string sensor, out string? error)
    {
        if (Check(section, name, out error) is not { } checkedSection) return null;
        var path = checkedSection.Outbox ?? Path.Combine(store, "outbox.db");
        AlertOutbox outbox;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            outbox = AlertOutbox.Open(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            foreach (var s in checkedSection.Senders) s.DisposeAsync().AsTask().GetAwaiter().GetResult();
            error = $"{name}: 'forwarding.outbox': cannot open {path}: {e.Message.ReplaceLineEndings(" ")}";
            return null;
        }
        var forwarder = new AlertForwarder(outbox, checkedSection.Senders, new ForwarderOptions { Rule = checkedSection.Rule });
        forwarder.Start();
        return new SensorForwarding(outbox, forwarder, sensor);
    }

    /// <summary>Queues alerts of the live analysis (called on the analysis thread, which owns <paramref name="analyzer"/>).</summary>
    public void Feed(CaptureAnalyzer analyzer, IReadOnlyList<Alert> alerts)
    {
        using var buffer = new MemoryStream();
        AlertsJsonWriter.Write(buffer, alerts, analyzer.Inventory, analyzer.InputFiles, "alerts", new HashSet<int>());
        buffer.Position = 0;
        var outbound = AlertsJsonReader.Read(buffer, _sensor);
        lock (_lock) _forwarder.EnqueueRange(outbound);
    }

    /// <summary>New targets and rule from a reloaded section (the outbox stays; what is pending for a kept target is still sent).</summary>
    public bool Reload(JsonElement section, string name, out string? error)
    {
        if (Check(section, name, out error) is not { } checkedSection) return false;
        var next = new AlertForwarder(_outbox, checkedSection.Senders, new ForwarderOptions { Rule = checkedSection.Rule });
        AlertForwarder previous;
        lock (_lock)
        {
            previous = _forwarder;
            _forwarder = next;
        }
        previous.DisposeAsync().AsTask().GetAwaiter().GetResult();
        next.Start();
        return true;
    }

    /// <summary>Waits up to <paramref name="timeout"/> for everything queued to be sent; true when nothing is pending.</summary>
    public bool Flush(TimeSpan timeout)
    {
        AlertForwarder forwarder;
        lock (_lock) forwarder = _forwarder;
        return forwarder.DrainAsync(timeout).GetAwaiter().GetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _forwarder.DisposeAsync().ConfigureAwait(false);
        _outbox.Dispose();
    }

    private static bool TryStrings(JsonElement section, string key, string name, out List<string> values, out string? error)
    {
        values = [];
        error = null;
        if (!section.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return true;
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString())) break;
                values.Add(item.GetString()!);
            }
            if (values.Count == value.GetArrayLength()) return true;
        }
        error = $"{name}: 'forwarding.{key}': must be an array of strings";
        return false;
    }
}
