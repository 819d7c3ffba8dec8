using System.Text.Json;
using System.Threading.Channels;
using OtSensor.Outputs.Forwarding;
using OtSensor.Outputs.Forwarding.Config;
using OtSensor.Outputs.Forwarding.Outbox;
using OtSensor.Outputs.Store;

namespace OtSensor.Server;

/// <summary>
/// Forwards the alerts the capture worker stores to the forwarding targets set in the console (issue 10): senders built
/// by <c>OtSensor.Outputs.Forwarding</c> from the stored targets and their write-only secrets, one durable outbox
/// (<c>outbox.db</c> in the store folder), restarted when the settings change.
/// </summary>
/// <remarks>
/// <para>The capture worker only offers a snapshot's alerts (<see cref="Offer"/>): the new ones and those whose count
/// went up are put on an in-memory queue and the outbox write happens on this service's own task, so a slow disk or a
/// dead target never holds the replay. The outbox's message ids (alert, first detection, count) make an alert offered
/// twice harmless.</para>
/// <para>A target whose settings cannot be used (a bad URL, a connection string that is not one) is listed with the
/// configuration error as its last error and sends nothing; messages never hold a secret (the forwarding project's
/// <see cref="SecretText"/> rule).</para>
/// </remarks>
internal sealed class ForwardingService : IAsyncDisposable
{
    internal const string SettingKey = "forwarding";
    internal const string SecretPrefix = "forwarding.secret.";

    private readonly SensorStore _store;
    private readonly string _directory;
    private readonly string _sensor = Environment.MachineName;
    private readonly Channel<List<OutboundAlert>> _queue = Channel.CreateUnbounded<List<OutboundAlert>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<long, long> _offered = [];
    private readonly CancellationTokenSource _stop = new();
    private AlertOutbox? _outbox;
    private AlertForwarder? _forwarder;
    private IReadOnlyList<TargetState> _targets = [];
    private Task? _loop;

    public ForwardingService(SensorStore store, string directory)
    {
        _store = store;
        _directory = directory;
    }

    /// <summary>Options for the senders' loops (tests shorten the backoff).</summary>
    public ForwarderOptions ForwarderOptions { get; init; } = new() { MaxBackoff = TimeSpan.FromSeconds(30) };

    /// <summary>Opens the outbox, starts the stored targets and the queue's task.</summary>
    public async Task StartAsync()
    {
        _outbox = AlertOutbox.Open(Path.Combine(_directory, "outbox.db"));
        await ReloadAsync().ConfigureAwait(false);
        _loop = Task.Run(() => LoopAsync(_stop.Token));
    }

    /// <summary>Offers the alerts of a snapshot just written (store id and count by the run's alert ids); never waits.</summary>
    public void Offer(IReadOnlyList<AlertRecord> alerts, IReadOnlyDictionary<long, StoredAlert> stored)
    {
        List<OutboundAlert>? changed = null;
        lock (_offered)
        {
            foreach (var a in alerts)
            {
                if (!stored.TryGetValue(a.Id, out var row)) continue;
                if (_offered.TryGetValue(row.Id, out var count) && count >= row.Count) continue;
                _offered[row.Id] = row.Count;
                (changed ??= []).Add(Outbound(a, row));
            }
        }
        if (changed is not null) _queue.Writer.TryWrite(changed);
    }

    /// <summary>Rebuilds the senders from the stored targets (after the console changed them).</summary>
    public async Task ReloadAsync()
    {
        if (_outbox is null) return;
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_forwarder is not null) await _forwarder.DisposeAsync().ConfigureAwait(false);
            _forwarder = null;
            var targets = new List<TargetState>();
            var senders = new List<IAlertSender>();
            foreach (var t in StoredTargets())
            {
                if (!t.Enabled)
                {
                    targets.Add(t);
                    continue;
                }
                try
                {
                    var sender = Config(t).Targets[0].CreateSender();
                    senders.Add(sender);
                    targets.Add(t with { SenderName = sender.Name });
                }
                catch (ForwardingConfigException e)
                {
                    targets.Add(t with { ConfigError = "settings: " + HttpJson.OneLine(e.Message) });
                }
                catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
                {
                    targets.Add(t with { ConfigError = "settings: " + e.GetType().Name });
                }
            }
            if (senders.Count > 0)
            {
                _forwarder = new AlertForwarder(_outbox, senders, ForwarderOptions);
                _forwarder.Start();
            }
            _targets = targets;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes <c>GET /api/console/forwarding</c>: per target delivery counters, the outbox's size and overflow.</summary>
    public void WriteStatus(Utf8JsonWriter w)
    {
        var outbox = _outbox;
        w.WriteStartObject();
        w.WriteStartArray("targets");
        foreach (var t in _targets)
        {
            w.WriteStartObject();
            w.WriteString("name", t.Name);
            w.WriteString("kind", t.Kind);
            w.WriteBoolean("enabled", t.Enabled);
            if (t.SenderName is { } sender && outbox is not null)
            {
                var c = outbox.Counters.For(sender);
                w.WriteNumber("pending", outbox.PendingCount(sender));
                w.WriteNumber("sent", c.Sent);
                w.WriteNumber("retried", c.Retried);
                w.WriteNumber("failed", c.Failed);
                HttpJson.WriteNullable(w, "lastError", c.LastError is null ? null : HttpJson.OneLine(c.LastError));
                HttpJson.WriteNullable(w, "lastErrorTime", c.LastErrorTime?.ToUnixTimeMilliseconds());
                HttpJson.WriteNullable(w, "lastSuccess", c.LastSentTime?.ToUnixTimeMilliseconds());
            }
            else
            {
                w.WriteNumber("pending", 0);
                w.WriteNumber("sent", 0);
                w.WriteNumber("retried", 0);
                w.WriteNumber("failed", 0);
                HttpJson.WriteNullable(w, "lastError", t.ConfigError);
                w.WriteNull("lastErrorTime");
                w.WriteNull("lastSuccess");
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("outbox");
        w.WriteNumber("stored", outbox?.StoredCount() ?? 0);
        w.WriteNumber("overflow", (outbox?.Counters.DroppedOnOverflow ?? 0) + (outbox?.Counters.RefusedOnOverflow ?? 0));
        w.WriteNumber("queued", outbox?.Counters.Queued ?? 0);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private async Task LoopAsync(CancellationToken stop)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stop).ConfigureAwait(false))
            {
                while (_queue.Reader.TryRead(out var batch))
                {
                    await _gate.WaitAsync(stop).ConfigureAwait(false);
                    try
                    {
                        _forwarder?.EnqueueRange(batch);
                    }
                    catch (Microsoft.Data.Sqlite.SqliteException)
                    {
                        // The outbox file failed (disk full): these alerts stay in the store; later ones are tried again.
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private OutboundAlert Outbound(AlertRecord a, StoredAlert row) => new()
    {
        Sensor = _sensor,
        AlertId = row.Id,
        Type = a.Type,
        Title = a.Title,
        Message = a.Message,
        Severity = a.Severity,
        Engine = a.Engine,
        Category = a.Category,
        Status = a.Status,
        Protocol = a.Protocol,
        SourceAddress = a.SourceDeviceAddress,
        DestinationAddress = a.DestinationDeviceAddress,
        RemediationSteps = a.RemediationSteps,
        Information = a.Information,
        Techniques = [.. a.Mitre.Select(m => m.Id)],
        Count = row.Count,
        FirstDetection = DateTimeOffset.FromUnixTimeMilliseconds(a.Time),
        LastDetection = DateTimeOffset.FromUnixTimeMilliseconds(a.LastTime),
    };

    /// <summary>The console's targets as stored (<c>kind</c>, <c>name</c>, <c>enabled</c>, <c>endpoint</c>).</summary>
    private List<TargetState> StoredTargets()
    {
        var list = new List<TargetState>();
        using var doc = JsonDocument.Parse(_store.GetSetting(SettingKey) ?? "[]");
        foreach (var t in doc.RootElement.EnumerateArray())
        {
            var name = HttpJson.String(t, "name") ?? "";
            list.Add(new TargetState(name, HttpJson.String(t, "kind") ?? "", t.TryGetProperty("enabled", out var e) && e.ValueKind == JsonValueKind.True,
                HttpJson.String(t, "endpoint") ?? ""));
        }
        return list;
    }

    /// <summary>
    /// One console target as a forwarding configuration section: syslog <c>endpoint</c> is its URL (<c>udp://</c> when
    /// no scheme is given); Event Hubs takes the secret as its connection string (the endpoint's <c>namespace/hub</c> adds
    /// <c>EntityPath</c> when the string has none), or without a secret the namespace and hub with the managed identity.
    /// </summary>
    private ForwardingConfig Config(TargetState t)
    {
        var secret = _store.GetSetting(SecretPrefix + t.Name);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("targets");
            w.WriteStartObject();
            if (t.Kind == "syslog")
            {
                w.WriteString("type", "syslog");
                w.WriteString("url", t.Endpoint.Contains("://", StringComparison.Ordinal) ? t.Endpoint : "udp://" + t.Endpoint);
            }
            else
            {
                w.WriteString("type", "eventhubs");
                var slash = t.Endpoint.IndexOf('/', StringComparison.Ordinal);
                if (secret is { Length: > 0 })
                {
                    var connection = secret;
                    if (!secret.Contains("EntityPath=", StringComparison.OrdinalIgnoreCase) && slash > 0)
                        connection = secret.TrimEnd(';') + ";EntityPath=" + t.Endpoint[(slash + 1)..];
                    w.WriteString("connectionString", connection);
                }
                else
                {
                    w.WriteString("namespace", slash > 0 ? t.Endpoint[..slash] : t.Endpoint);
                    if (slash > 0) w.WriteString("hub", t.Endpoint[(slash + 1)..]);
                    w.WriteStartObject("auth");
                    w.WriteString("mode", "managedIdentity");
                    w.WriteEndObject();
                }
            }
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        using var doc = JsonDocument.Parse(buffer.ToArray());
        // A secret given as env:NAME is not read from the server's environment: the console stores values.
        return ForwardingConfigReader.Parse(doc.RootElement, _directory, _ => null, "target '" + t.Name + "'");
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
        if (_forwarder is not null) await _forwarder.DisposeAsync().ConfigureAwait(false);
        _forwarder = null;
        _outbox?.Dispose();
        _outbox = null;
        _stop.Dispose();
        _gate.Dispose();
    }

    private sealed record TargetState(string Name, string Kind, bool Enabled, string Endpoint)
    {
        public string? SenderName { get; init; }
        public string? ConfigError { get; init; }
    }
}
