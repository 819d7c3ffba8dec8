using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OtSensor.Server.Sensor;

/// <summary>
/// The configuration of <c>otsensor sensor</c> (<c>/etc/otsensor/sensor.json</c>): what to capture, where the store
/// is, where the console and API listen, the learning window, forwarding and the log level.
/// </summary>
/// <remarks>
/// <para>Every key is optional except <c>interfaces</c>; unknown keys are refused (a typo would otherwise silently
/// fall back to a default on a box that runs for months). A wrong key makes <see cref="Parse"/> throw a
/// <see cref="SensorConfigException"/> whose message names it, e.g. <c>sensor.json: 'snaplen': must be an integer from 64 to 262144</c>.</para>
/// <para>On SIGHUP the file is read again: <see cref="LearningWindow"/>, <see cref="LogLevel"/> and
/// <see cref="Forwarding"/> apply at once; the other keys are compared by <see cref="NeedsRestart"/> and need a restart.</para>
/// <code>
/// {
///   "interfaces": ["eth1"],            libpcap names of the monitor interfaces
///   "filter": "not port 22",           BPF filter (pcap-filter(7)), optional
///   "snaplen": 65535, "bufferMb": 64, "queueMb": 64,    kernel buffer and queue per interface, MiB
///   "promiscuous": true,
///   "store": "/var/lib/otsensor",      store folder (otsensor.db, certificate, alert PCAPs, outbox)
///   "urls": ["https://0.0.0.0:8443"], "http": false,
///   "learning": "10m",                 learning window in capture time; "0" = off
///   "snapshotSeconds": 1,
///   "logLevel": "Information",         Trace, Debug, Information, Warning, Error, Critical
///   "sensorName": "plant-a-sensor-1",
///   "ring": { "directory": "ring", "segmentMb": 32, "segments": 32 },   recent traffic for alert PCAPs; false = off
///   "forwarding": { ... }              the format of forward --config (forwarding.example.json), read by the forwarding code
/// }
/// </code>
/// </remarks>
public sealed record SensorConfig
{
    private static readonly string[] Keys =
        ["interfaces", "filter", "snaplen", "bufferMb", "queueMb", "promiscuous", "store", "urls", "http", "learning", "snapshotSeconds", "logLevel", "sensorName", "ring", "forwarding"];

    private static readonly string[] RingKeys = ["directory", "segmentMb", "segments"];

    public required IReadOnlyList<string> Interfaces { get; init; }
    public string? Filter { get; init; }
    public int SnapLength { get; init; } = 65_535;
    /// <summary>libpcap's kernel buffer per interface, bytes (<c>bufferMb</c>, fractions allowed down to 64 KiB).</summary>
    public int BufferBytes { get; init; } = 64 << 20;

    /// <summary>The queue between each capture thread and the analysis, bytes (<c>queueMb</c>, fractions allowed down to 4 KiB).</summary>
    public int QueueBytes { get; init; } = 64 << 20;
    public bool Promiscuous { get; init; } = true;
    public string Store { get; init; } = "/var/lib/otsensor";
    public IReadOnlyList<string> Urls { get; init; } = ["https://0.0.0.0:8443"];
    public bool PlainHttp { get; init; }

    /// <summary>Learning window in capture time; zero turns learning off.</summary>
    public TimeSpan LearningWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Wall time between two snapshots of the live analysis to the store.</summary>
    public TimeSpan SnapshotInterval { get; init; } = TimeSpan.FromSeconds(1);
    public LogLevel LogLevel { get; init; } = LogLevel.Information;
    public string SensorName { get; init; } = Environment.MachineName;

    /// <summary>
    /// The rolling ring of recent traffic the live alert PCAPs are cut from (<c>ring</c>): its folder (relative paths
    /// are inside <see cref="Store"/>), segment size and count; null when <c>"ring": false</c>. Disk use is at most
    /// segment size × count (1 GiB by default).
    /// </summary>
    public SensorRingConfig? Ring { get; init; } = new();

    /// <summary>The <c>forwarding</c> object as written (cloned), validated by the forwarding code; null when absent.</summary>
    public JsonElement? Forwarding { get; init; }

    /// <summary>Reads and checks the file.</summary>
    /// <exception cref="SensorConfigException">The file is missing, not JSON, or a key is wrong (the message names it).</exception>
    public static SensorConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SensorConfigException($"{path}: cannot read: {OneLine(e.Message)}", e);
        }
        return Parse(text, Path.GetFileName(path));
    }

    /// <summary>Parses the JSON text of a configuration; <paramref name="name"/> prefixes the messages.</summary>
    /// <exception cref="SensorConfigException">Not JSON, or a key is wrong.</exception>
    public static SensorConfig Parse(string json, string name)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new SensorConfigException($"{name}: not JSON: {OneLine(e.Message)}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new SensorConfigException($"{name}: must be a JSON object");
            foreach (var property in root.EnumerateObject())
                if (Array.IndexOf(Keys, property.Name) < 0)
                    throw new SensorConfigException($"{name}: '{property.Name}': unknown key (known: {string.Join(", ", Keys)})");

            var interfaces = StringList(root, "interfaces", name, required: true)!;
            if (interfaces.Count == 0) throw Bad(name, "interfaces", "must list at least one interface, e.g. [\"eth1\"]");
            var defaults = new SensorConfig { Interfaces = interfaces };
            var urls = StringList(root, "urls", name, required: false) ?? defaults.Urls;
            if (urls.Count == 0) throw Bad(name, "urls", "must list at least one listen URL, e.g. [\"https://0.0.0.0:8443\"]");
            return new SensorConfig
            {
                Interfaces = interfaces,
                Filter = String(root, "filter", name),
                SnapLength = Integer(root, "snaplen", name, 64, 262_144) ?? defaults.SnapLength,
                BufferBytes = Mebibytes(root, "bufferMb", name, 64 << 10) ?? defaults.BufferBytes,
                QueueBytes = Mebibytes(root, "queueMb", name, 4 << 10) ?? defaults.QueueBytes,
                Promiscuous = Boolean(root, "promiscuous", name) ?? defaults.Promiscuous,
                Store = String(root, "store", name) is { Length: > 0 } store ? store : defaults.Store,
                Urls = urls,
                PlainHttp = Boolean(root, "http", name) ?? false,
                LearningWindow = Duration(root, "learning", name) ?? defaults.LearningWindow,
                SnapshotInterval = TimeSpan.FromSeconds(Integer(root, "snapshotSeconds", name, 1, 3600) ?? 1),
                LogLevel = Level(root, name) ?? defaults.LogLevel,
                SensorName = String(root, "sensorName", name) is { Length: > 0 } sensor ? sensor : defaults.SensorName,
                Ring = RingOf(root, name),
                Forwarding = root.TryGetProperty("forwarding", out var forwarding) && forwarding.ValueKind != JsonValueKind.Null ? forwarding.Clone() : null,
            };
        }
    }

    /// <summary>The keys whose new value <paramref name="next"/> would only take effect after a restart.</summary>
    public IReadOnlyList<string> NeedsRestart(SensorConfig next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var keys = new List<string>();
        if (!Interfaces.SequenceEqual(next.Interfaces, StringComparer.Ordinal)) keys.Add("interfaces");
        if (Filter != next.Filter) keys.Add("filter");
        if (SnapLength != next.SnapLength) keys.Add("snaplen");
        if (BufferBytes != next.BufferBytes) keys.Add("bufferMb");
        if (QueueBytes != next.QueueBytes) keys.Add("queueMb");
        if (Promiscuous != next.Promiscuous) keys.Add("promiscuous");
        if (Store != next.Store) keys.Add("store");
        if (!Urls.SequenceEqual(next.Urls, StringComparer.Ordinal)) keys.Add("urls");
        if (PlainHttp != next.PlainHttp) keys.Add("http");
        if (SnapshotInterval != next.SnapshotInterval) keys.Add("snapshotSeconds");
        if (SensorName != next.SensorName) keys.Add("sensorName");
        if (Ring != next.Ring) keys.Add("ring");
        return keys;
    }

    /// <summary><c>ring</c>: absent or <c>true</c> = the defaults, <c>false</c> = off, or an object of <see cref="RingKeys"/>.</summary>
    private static SensorRingConfig? RingOf(JsonElement root, string name)
    {
        if (!root.TryGetProperty("ring", out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.True) return new SensorRingConfig();
        if (value.ValueKind == JsonValueKind.False) return null;
        if (value.ValueKind != JsonValueKind.Object) throw Bad(name, "ring", "must be false (off) or an object with directory, segmentMb, segments");
        foreach (var property in value.EnumerateObject())
            if (Array.IndexOf(RingKeys, property.Name) < 0)
                throw Bad(name, "ring." + property.Name, $"unknown key (known: {string.Join(", ", RingKeys)})");
        var defaults = new SensorRingConfig();
        return new SensorRingConfig
        {
            Directory = String(value, "directory", name, "ring.") is { Length: > 0 } directory ? directory : defaults.Directory,
            SegmentBytes = (Integer(value, "segmentMb", name, 1, 1024, "ring.") ?? (int)(defaults.SegmentBytes >> 20)) * (1L << 20),
            Segments = Integer(value, "segments", name, 2, 4096, "ring.") ?? defaults.Segments,
        };
    }

    private static SensorConfigException Bad(string name, string key, string problem) => new($"{name}: '{key}': {problem}");

    /// <param name="prefix">Put before the key in messages (<c>ring.</c> for a key of the ring section).</param>
    private static string? String(JsonElement root, string key, string name, string prefix = "")
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw Bad(name, prefix + key, "must be a string");
        return value.GetString();
    }

    private static List<string>? StringList(JsonElement root, string key, string name, bool required)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
            return required ? throw Bad(name, key, "is required, e.g. [\"eth1\"]") : null;
        if (value.ValueKind != JsonValueKind.Array) throw Bad(name, key, "must be an array of strings");
        var list = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString())) throw Bad(name, key, "must be an array of non-empty strings");
            list.Add(item.GetString()!);
        }
        return list;
    }

    private static int? Integer(JsonElement root, string key, string name, int minimum, int maximum, string prefix = "")
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number) || number < minimum || number > maximum)
            throw Bad(name, prefix + key, string.Create(CultureInfo.InvariantCulture, $"must be an integer from {minimum} to {maximum}"));
        return number;
    }

    /// <summary>A size in MiB (fractions allowed, e.g. 0.0625 for 64 KiB), from <paramref name="minimum"/> bytes to 1 GiB.</summary>
    private static int? Mebibytes(JsonElement root, string key, string name, int minimum)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        double bytes = value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double mib) ? mib * (1 << 20) : -1;
        if (bytes < minimum || bytes > 1 << 30)
            throw Bad(name, key, string.Create(CultureInfo.InvariantCulture, $"must be a number of MiB from {minimum / (double)(1 << 20)} to 1024"));
        return (int)bytes;
    }

    private static bool? Boolean(JsonElement root, string key, string name)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Bad(name, key, "must be true or false"),
        };
    }

    /// <summary>A duration as seconds (a number) or text: <c>90s</c>, <c>10m</c>, <c>2h</c>, <c>7d</c>, <c>0</c>.</summary>
    private static TimeSpan? Duration(JsonElement root, string key, string name)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        const string problem = "must be a duration such as \"90s\", \"10m\", \"2h\", \"7d\" or 0 (off)";
        if (value.ValueKind == JsonValueKind.Number)
            return value.TryGetDouble(out double seconds) && seconds >= 0 && seconds <= 366 * 86400.0 ? TimeSpan.FromSeconds(seconds) : throw Bad(name, key, problem);
        if (value.ValueKind != JsonValueKind.String) throw Bad(name, key, problem);
        if (!Core.Time.DurationText.TryParse(value.GetString(), out var duration) || duration > TimeSpan.FromDays(366)) throw Bad(name, key, problem);
        return duration;
    }

    private static LogLevel? Level(JsonElement root, string name)
    {
        var text = String(root, "logLevel", name);
        if (text is null) return null;
        foreach (var level in (ReadOnlySpan<LogLevel>)[LogLevel.Trace, LogLevel.Debug, LogLevel.Information, LogLevel.Warning, LogLevel.Error, LogLevel.Critical])
            if (string.Equals(LevelName(level), text, StringComparison.OrdinalIgnoreCase)) return level;
        throw Bad(name, "logLevel", "must be one of Trace, Debug, Information, Warning, Error, Critical");
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "Trace",
        LogLevel.Debug => "Debug",
        LogLevel.Information => "Information",
        LogLevel.Warning => "Warning",
        LogLevel.Error => "Error",
        _ => "Critical",
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
