using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OtSensor.Forwarding.Tests;

/// <summary>
/// Checks a record against the record schemas (<c>security-alert</c>, <c>device-change</c>, <c>event</c>): the keywords they use (type, required,
/// additionalProperties false, enum, const, pattern, minLength, format date-time/uuid, contentMediaType JSON, arrays of strings).
/// </summary>
internal sealed class SchemaValidator
{
    private readonly JsonElement _schema;

    public SchemaValidator(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        _schema = doc.RootElement.Clone();
    }

    /// <summary>Problems found; empty when valid.</summary>
    public List<string> Validate(JsonElement record)
    {
        var errors = new List<string>();
        if (record.ValueKind != JsonValueKind.Object) return ["not an object"];
        var properties = _schema.GetProperty("properties");
        foreach (var name in _schema.GetProperty("required").EnumerateArray())
            if (!record.TryGetProperty(name.GetString()!, out _)) errors.Add($"missing {name.GetString()}");
        foreach (var p in record.EnumerateObject())
        {
            if (!properties.TryGetProperty(p.Name, out var rule))
            {
                errors.Add($"unexpected {p.Name}");
                continue;
            }
            Check(p.Name, p.Value, rule, errors);
        }
        return errors;
    }

    private static void Check(string name, JsonElement value, JsonElement rule, List<string> errors)
    {
        var type = rule.GetProperty("type").GetString();
        if (type == "array")
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"{name}: not an array");
                return;
            }
            int i = 0;
            foreach (var item in value.EnumerateArray()) Check($"{name}[{i++}]", item, rule.GetProperty("items"), errors);
            return;
        }
        if (type == "boolean")
        {
            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) errors.Add($"{name}: not boolean");
            return;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{name}: not a string");
            return;
        }
        var s = value.GetString()!;
        if (rule.TryGetProperty("const", out var c) && s != c.GetString()) errors.Add($"{name}: '{s}' is not '{c.GetString()}'");
        if (rule.TryGetProperty("enum", out var e) && !e.EnumerateArray().Any(x => x.GetString() == s)) errors.Add($"{name}: '{s}' not in enum");
        if (rule.TryGetProperty("minLength", out var min) && s.Length < min.GetInt32()) errors.Add($"{name}: too short");
        if (rule.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(s, pattern.GetString()!)) errors.Add($"{name}: does not match {pattern.GetString()}");
        if (rule.TryGetProperty("format", out var format))
        {
            bool ok = format.GetString() switch
            {
                "date-time" => DateTimeOffset.TryParseExact(s, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
                "uuid" => Guid.TryParse(s, out _),
                _ => true,
            };
            if (!ok) errors.Add($"{name}: '{s}' is not a {format.GetString()}");
        }
        if (rule.TryGetProperty("contentMediaType", out _))
        {
            try
            {
                using var _ = JsonDocument.Parse(s);
            }
            catch (JsonException)
            {
                errors.Add($"{name}: not JSON text");
            }
        }
    }
}
