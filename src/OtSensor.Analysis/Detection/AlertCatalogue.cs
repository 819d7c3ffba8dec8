using System.Reflection;
using System.Text.Json;

namespace OtSensor.Analysis.Detection;

/// <summary>
/// The alert types, as data: the embedded <c>alert-catalogue.json</c>, optionally overridden per id by a user file
/// (<c>--alert-rules FILE</c>: any field of a known id, e.g. <c>enabled</c>, <c>severity</c>, <c>thresholds</c>,
/// <c>message</c>). Loaded once and validated: unique ids, known engines and severities, known placeholders,
/// sane thresholds; a bad file fails with one line naming the file, the alert and the field.
/// </summary>
public sealed class AlertCatalogue
{
    private const string ResourceName = "OtSensor.Analysis.Detection.alert-catalogue.json";
    private static readonly Lazy<AlertCatalogue> Shared = new(() => Load(OpenResource(), null, null), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Dictionary<string, AlertType> _byId;

    private AlertCatalogue(List<AlertType> types)
    {
        Types = types;
        _byId = new Dictionary<string, AlertType>(types.Count, StringComparer.Ordinal);
        foreach (var type in types) _byId[type.Id] = type;
    }

    /// <summary>The embedded catalogue.</summary>
    public static AlertCatalogue Default => Shared.Value;

    public IReadOnlyList<AlertType> Types { get; }

    public AlertType this[int index] => Types[index];

    public bool TryGet(string id, out AlertType? type) => _byId.TryGetValue(id, out type);

    /// <summary>The type with this id; a missing id is a programming error (the engines name only built-in ids).</summary>
    public AlertType Get(string id) => _byId.TryGetValue(id, out var type) ? type : throw new KeyNotFoundException($"alert type '{id}' is not in the catalogue");

    /// <summary>The embedded catalogue with the overrides of <paramref name="overridePath"/> applied.</summary>
    /// <exception cref="FormatException">The file is not valid JSON, names an unknown id, or sets an invalid value.</exception>
    public static AlertCatalogue WithOverrides(string overridePath)
    {
        ArgumentNullException.ThrowIfNull(overridePath);
        using var overrides = File.OpenRead(overridePath);
        using var embedded = OpenResource();
        return Load(embedded, overrides, overridePath);
    }

    /// <summary>Reads a complete catalogue (tests, tools).</summary>
    public static AlertCatalogue Parse(Stream json) => Load(json, null, null);

    private static AlertCatalogue Load(Stream catalogue, Stream? overrides, string? overrideName)
    {
        var definitions = new List<Dictionary<string, JsonElement>>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        using var doc = ParseJson(catalogue, "alert catalogue");
        foreach (var alert in Alerts(doc.RootElement, "alert catalogue"))
        {
            var fields = Fields(alert);
            string id = RequireString(fields, "id", "alert catalogue", "?");
            if (!index.TryAdd(id, definitions.Count)) throw new FormatException($"alert catalogue: alert '{id}' is defined twice");
            definitions.Add(fields);
        }
        JsonDocument? overrideDoc = null;
        try
        {
            if (overrides is not null)
            {
                var where = $"alert rules {overrideName}";
                overrideDoc = ParseJson(overrides, where);
                foreach (var alert in Alerts(overrideDoc.RootElement, where))
                {
                    var fields = Fields(alert);
                    string id = RequireString(fields, "id", where, "?");
                    if (!index.TryGetValue(id, out int at)) throw new FormatException($"{where}: alert '{id}' is not in the catalogue");
                    foreach (var (name, value) in fields) definitions[at][name] = value;
                }
            }
            var types = new List<AlertType>(definitions.Count);
            foreach (var fields in definitions) types.Add(Build(types.Count, fields, overrideName is null ? "alert catalogue" : $"alert rules {overrideName}"));
            return new AlertCatalogue(types);
        }
        finally
        {
            overrideDoc?.Dispose();
        }
    }

    private static JsonDocument ParseJson(Stream stream, string where)
    {
        try
        {
            return JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new FormatException($"{where}: not valid JSON ({e.Message})", e);
        }
    }

    private static JsonElement.ArrayEnumerator Alerts(JsonElement root, string where)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("alerts", out var alerts) || alerts.ValueKind != JsonValueKind.Array)
            throw new FormatException($"{where}: expected an object with an \"alerts\" array");
        return alerts.EnumerateArray();
    }

    private static Dictionary<string, JsonElement> Fields(JsonElement alert)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (alert.ValueKind != JsonValueKind.Object) return fields;
        foreach (var property in alert.EnumerateObject()) fields[property.Name] = property.Value.Clone();
        return fields;
    }

    private static readonly HashSet<string> KnownFields = new(StringComparer.Ordinal)
    {
        "id", "title", "sensorTitle", "engine", "severity", "category", "message", "mitre", "remediation", "thresholds", "enabled",
    };

    private static AlertType Build(int index, Dictionary<string, JsonElement> fields, string where)
    {
        string id = RequireString(fields, "id", where, "?");
        foreach (var name in fields.Keys)
            if (!KnownFields.Contains(name)) throw new FormatException($"{where}: alert '{id}': unknown field \"{name}\"");
        string title = RequireString(fields, "title", where, id);
        if (!AlertNames.TryParseEngine(RequireString(fields, "engine", where, id), out var engine))
            throw new FormatException($"{where}: alert '{id}': engine must be Protocol Violation, Policy Violation, Anomaly, Malware or Operational");
        if (!AlertNames.TryParseSeverity(RequireString(fields, "severity", where, id), out var severity))
            throw new FormatException($"{where}: alert '{id}': severity must be Critical, Major, Minor or Warning");
        var message = MessageTemplate.TryParse(RequireString(fields, "message", where, id), out var error)
            ?? throw new FormatException($"{where}: alert '{id}': message: {error}");
        var remediation = new List<string>();
        if (fields.TryGetValue("remediation", out var steps))
        {
            if (steps.ValueKind != JsonValueKind.Array) throw new FormatException($"{where}: alert '{id}': remediation must be an array of strings");
            foreach (var step in steps.EnumerateArray())
            {
                var text = step.ValueKind == JsonValueKind.String ? step.GetString()! : throw new FormatException($"{where}: alert '{id}': remediation must be an array of strings");
                if (MessageTemplate.TryParse(text, out error) is null) throw new FormatException($"{where}: alert '{id}': remediation: {error}");
                remediation.Add(text);
            }
        }
        var mitre = new List<MitreTechnique>();
        if (fields.TryGetValue("mitre", out var techniques))
        {
            foreach (var t in techniques.ValueKind == JsonValueKind.Array ? techniques.EnumerateArray() : default)
            {
                var tid = t.TryGetProperty("id", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
                var name = t.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
                if (tid.Length != 5 || tid[0] != 'T' || name.Length == 0)
                    throw new FormatException($"{where}: alert '{id}': mitre entries need an id like \"T0843\" and a name");
                mitre.Add(new MitreTechnique(tid, name));
            }
        }
        bool enabled = !fields.TryGetValue("enabled", out var on) || on.ValueKind != JsonValueKind.False;
        bool sensorTitle = fields.TryGetValue("sensorTitle", out var st) && st.ValueKind == JsonValueKind.True;
        string category = fields.TryGetValue("category", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
        return new AlertType(index, id, title, sensorTitle, engine, severity, category, message, mitre, remediation,
            Thresholds(fields, where, id), enabled);
    }

    private static AlertThresholds Thresholds(Dictionary<string, JsonElement> fields, string where, string id)
    {
        var t = AlertThresholds.Default;
        if (!fields.TryGetValue("thresholds", out var thresholds)) return t;
        if (thresholds.ValueKind != JsonValueKind.Object) throw new FormatException($"{where}: alert '{id}': thresholds must be an object");
        foreach (var p in thresholds.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetDouble(out double value) || value < 0 || value > 1e9)
                throw new FormatException($"{where}: alert '{id}': thresholds.{p.Name} must be a number from 0 to 1e9");
            t = p.Name switch
            {
                "count" => t with { Count = (int)value },
                "windowSeconds" => t with { Window = TimeSpan.FromSeconds(value) },
                "silenceSeconds" => t with { Silence = TimeSpan.FromSeconds(value) },
                "maxPerMinute" => t with { MaxPerMinute = (int)value },
                _ => throw new FormatException($"{where}: alert '{id}': unknown threshold \"{p.Name}\" (count, windowSeconds, silenceSeconds, maxPerMinute)"),
            };
        }
        if (t.Window <= TimeSpan.Zero) throw new FormatException($"{where}: alert '{id}': thresholds.windowSeconds must be positive");
        return t;
    }

    private static string RequireString(Dictionary<string, JsonElement> fields, string name, string where, string id)
    {
        if (fields.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text) return text;
        throw new FormatException($"{where}: alert '{id}': \"{name}\" must be a non-empty string");
    }

    private static Stream OpenResource() => Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
}
