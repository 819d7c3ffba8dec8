using System.Globalization;
using System.Text.Json;

namespace OtSensor.Outputs.Forwarding;

/// <summary>Reads a run's <c>alerts.json</c> into <see cref="OutboundAlert"/>s (what <c>otsensor forward</c> and
/// <c>analyze --forward</c> send).</summary>
public static class AlertsJsonReader
{
    /// <exception cref="FormatException">The file is not an alerts.json array (the message says where).</exception>
    public static IReadOnlyList<OutboundAlert> Read(Stream stream, string sensor)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not JSON: {e.Message}", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array) throw new FormatException("alerts.json must hold an array of alerts");
            var alerts = new List<OutboundAlert>(document.RootElement.GetArrayLength());
            int index = 0;
            foreach (var e in document.RootElement.EnumerateArray())
            {
                try
                {
                    alerts.Add(Map(e, sensor));
                }
                catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException)
                {
                    throw new FormatException($"alert #{index}: {ex.Message}", ex);
                }
                index++;
            }
            return alerts;
        }
    }

    private static OutboundAlert Map(JsonElement e, string sensor)
    {
        var first = Time(e, "firstDetection") ?? DateTimeOffset.FromUnixTimeMilliseconds(e.GetProperty("time").GetInt64());
        var info = e.TryGetProperty("additionalInformation", out var ai) && ai.ValueKind == JsonValueKind.Object
            && ai.TryGetProperty("information", out var list) ? Strings(list) : [];
        var techniques = new List<string>();
        if (e.TryGetProperty("mitre", out var mitre) && mitre.ValueKind == JsonValueKind.Array)
            foreach (var t in mitre.EnumerateArray())
                if (t.ValueKind == JsonValueKind.Object && t.TryGetProperty("id", out var id) && id.GetString() is { } s) techniques.Add(s);
        return new OutboundAlert
        {
            Sensor = sensor,
            AlertId = e.GetProperty("id").GetInt64(),
            Type = Text(e, "type") ?? "unknown",
            Title = Text(e, "title") ?? throw new FormatException("no title"),
            Message = Text(e, "message") ?? "",
            Severity = Text(e, "severity") ?? "Warning",
            Engine = Text(e, "engine") ?? "Operational",
            Category = Text(e, "category") ?? "",
            Status = Text(e, "status") ?? "New",
            Protocol = Text(e, "protocol"),
            SourceAddress = Text(e, "sourceDeviceAddress"),
            DestinationAddress = Text(e, "destinationDeviceAddress"),
            SourceDevice = Int(e, "sourceDevice"),
            DestinationDevice = Int(e, "destinationDevice"),
            RemediationSteps = e.TryGetProperty("remediationSteps", out var r) ? Strings(r) : [],
            Information = info,
            Techniques = techniques,
            Count = e.TryGetProperty("count", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt64() : 1,
            FirstDetection = first,
            LastDetection = Time(e, "lastDetection") ?? first,
        };
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static DateTimeOffset? Time(JsonElement e, string name) =>
        Text(e, name) is { } s ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal) : null;

    private static string[] Strings(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array) return [];
        var list = new List<string>();
        foreach (var v in array.EnumerateArray())
            if (v.ValueKind == JsonValueKind.String) list.Add(v.GetString()!);
        return [.. list];
    }
}
