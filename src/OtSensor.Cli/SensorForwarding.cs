using System.Text.Json;
using OtSensor.Analysis.Detection;
using OtSensor.Engine;
using OtSensor.Outputs.Files;
using OtSensor.Outputs.Forwarding;
using OtSensor.Outputs.Forwarding.Config;
using OtSensor.Outputs.Forwarding.Outbox;

namespace OtSensor.Cli;

/// <summary>
/// The forwarders of <c>otsensor sensor</c>, from the configuration's <c>forwarding</c> section: alerts new or counted
/// up in the live analysis go into the outbox (beside the store) and are sent by <see cref="AlertForwarder"/>'s loops,
/// as <c>otsensor forward</c> does for a finished run. The targets and the rule can change on reload.
/// </summary>
/// <remarks>
/// <para>The section has the format of <c>otsensor forward --config</c> and <c>analyze --forward-config</c>
/// (<see cref="ForwardingConfigReader"/>, src/OtSensor.Outputs.Forwarding/forwarding.example.json): <c>sensor</c>,
/// <c>outbox</c> (path and bounds; default <c>outbox.db</c> in the store), <c>rules</c> and <c>targets</c> as objects;
/// relative paths are taken from the configuration file's folder. <c>records</c> may only name alerts: the service
/// forwards the live alerts, device changes and events are forwarded from a finished run by <c>otsensor forward</c>.</para>
/// <para>The earlier format of this section (<c>{"targets": ["syslog:udp://10.1.2.3:514"], "minSeverity": "Major",
/// "engines": [...], "protocols": [...], "outbox": "/path/outbox.db"}</c>, targets in the <c>--to</c> syntax) is still
/// read, recognised by its string targets or its top-level rule keys, and <see cref="Plan.Legacy"/> says so (logged once).</para>
/// <para>Alerts are mapped through alerts.json's format (<see cref="AlertsJsonWriter"/> then <see cref="AlertsJsonReader"/>),
/// the one mapping the forwarders know.</para>
/// </remarks>
internal sealed class SensorForwarding : IAsyncDisposable
{
    private static readonly string[] LegacyKeys = ["targets", "minSeverity", "engines", "protocols", "outbox"];
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

    /// <summary>A checked section: its senders (not started), rule, outbox and sensor name; <see cref="Legacy"/> when read in the earlier format.</summary>
    internal sealed record Plan(List<IAlertSender> Senders, ForwardRule Rule, string? OutboxPath, OutboxOptions Outbox, string? Sensor, bool Legacy)
    {
        public void DisposeSenders()
        {
            foreach (var s in Senders) s.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>The targets being sent to.</summary>
    public IReadOnlyList<string> Targets
    {
        get
        {
            lock (_lock) return _forwarder.Targets;
        }
    }

    /// <summary>
    /// A checked section; null with a one-line error naming the key (prefixed with <paramref name="name"/>, the file's
    /// name) when it is wrong. <paramref name="baseDirectory"/> resolves relative paths (the configuration file's folder).
    /// </summary>
    public static Plan? Check(JsonElement section, string name, string baseDirectory, out string? error)
    {
        error = null;
        if (section.ValueKind != JsonValueKind.Object)
        {
            error = $"{name}: 'forwarding': must be an object like {{\"targets\": [{{\"type\": \"syslog\", \"url\": \"udp://10.1.2.3:514\"}}]}}";
            return null;
        }
        if (IsLegacy(section)) return CheckLegacy(section, name, out error);
        ForwardingConfig config;
        try
        {
            config = ForwardingConfigReader.Parse(section, baseDirectory, key: "forwarding");
        }
        catch (ForwardingConfigException e)
        {
            error = e.Key is { } key && e.Message.StartsWith(key + ": ", StringComparison.Ordinal)
                ? $"{name}: '{key}': {e.Message[(key.Length + 2)..]}"
                : $"{name}: {e.Message}";
            return null;
        }
        if (config.DeviceChanges || config.Events)
        {
            error = $"{name}: 'forwarding.records': the sensor service forwards alerts only (device changes and events: 'otsensor forward' on a finished run)";
            return null;
        }
        if (config.Targets.Count == 0)
        {
            error = $"{name}: 'forwarding.targets': must list at least one target, e.g. [{{\"type\": \"syslog\", \"url\": \"udp://10.1.2.3:514\"}}]";
            return null;
        }
        var senders = new List<IAlertSender>();
        foreach (var target in config.Targets) senders.Add(target.CreateSender());
        return new Plan(senders, config.Rule, config.OutboxPath, config.Outbox, config.Sensor, Legacy: false);
    }

    /// <summary>Opens the outbox and starts sending; null with a one-line error when the section or the outbox is wrong.</summary>
    public static SensorForwarding? Start(JsonElement section, string name, string baseDirectory, string store, string sensor, out string? error)
    {
        if (Check(section, name, baseDirectory, out error) is not { } plan) return null;
        var path = plan.OutboxPath ?? Path.Combine(store, "outbox.db");
        sensor = plan.Sensor ?? sensor;
        AlertOutbox outbox;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            outbox = AlertOutbox.Open(path, new OutboxOptions
            {
                MaxPending = plan.Outbox.MaxPending,
                Overflow = plan.Outbox.Overflow,
                MaxAttempts = plan.Outbox.MaxAttempts,
                Retention = plan.Outbox.Retention,
                Sensor = sensor,
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            plan.DisposeSenders();
            error = $"{name}: 'forwarding.outbox': cannot open {path}: {e.Message.ReplaceLineEndings(" ")}";
            return null;
        }
        var forwarder = new AlertForwarder(outbox, plan.Senders, new ForwarderOptions { Rule = plan.Rule });
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
    public bool Reload(JsonElement section, string name, string baseDirectory, out string? error)
    {
        if (Check(section, name, baseDirectory, out error) is not { } plan) return false;
        var next = new AlertForwarder(_outbox, plan.Senders, new ForwarderOptions { Rule = plan.Rule });
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

    /// <summary>The earlier format: a string among the targets, a rule key at the top, or the outbox as a path.</summary>
    private static bool IsLegacy(JsonElement section)
    {
        if (section.TryGetProperty("minSeverity", out _) || section.TryGetProperty("engines", out _) || section.TryGetProperty("protocols", out _)) return true;
        if (section.TryGetProperty("outbox", out var outbox) && outbox.ValueKind == JsonValueKind.String) return true;
        if (section.TryGetProperty("targets", out var targets) && targets.ValueKind == JsonValueKind.Array)
            foreach (var t in targets.EnumerateArray())
                if (t.ValueKind == JsonValueKind.String) return true;
        return false;
    }

    private static Plan? CheckLegacy(JsonElement section, string name, out string? error)
    {
        foreach (var property in section.EnumerateObject())
        {
            if (Array.IndexOf(LegacyKeys, property.Name) < 0)
            {
                error = $"{name}: 'forwarding.{property.Name}': unknown key in the earlier format (known: {string.Join(", ", LegacyKeys)}); the current format is that of forwarding.example.json";
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
        return new Plan(senders, rule, outbox, new OutboxOptions(), null, Legacy: true);
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
