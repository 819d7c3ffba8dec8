using System.Text.Json;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>Reads an <c>events.jsonl</c> back and counts values of one key per protocol.</summary>
internal static class EventLog
{
    public static IEnumerable<JsonElement> Read(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) continue;
            using var doc = JsonDocument.Parse(line);
            yield return doc.RootElement.Clone();
        }
    }

    /// <summary>Histogram of an integer key over the records of <paramref name="protocol"/> (null values skipped).</summary>
    public static SortedDictionary<int, int> Histogram(IEnumerable<JsonElement> records, string protocol, string key)
    {
        var histogram = new SortedDictionary<int, int>();
        foreach (var record in records)
        {
            if (record.GetProperty("protocol").GetString() != protocol) continue;
            if (!record.TryGetProperty(key, out var value) || value.ValueKind != JsonValueKind.Number) continue;
            int code = value.GetInt32();
            histogram[code] = histogram.GetValueOrDefault(code) + 1;
        }
        return histogram;
    }
}
