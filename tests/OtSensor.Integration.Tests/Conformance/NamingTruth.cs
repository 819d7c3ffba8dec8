using System.Text.Json;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// What the naming-protocol conformance tests read besides <see cref="TsharkTruth"/>: tshark's per-protocol frame
/// counts (<c>protocol_frames</c>, which has no per-field details for DHCP, DNS, NetBIOS, LLDP or CDP) and the
/// records of one protocol in an events.jsonl.
/// </summary>
internal static class NamingTruth
{
    /// <summary>Frames tshark saw carrying <paramref name="tsharkProtocol"/> (e.g. "dhcp", "mdns", "nbns"); 0 when none.</summary>
    public static int ProtocolFrames(string capturePath, string tsharkProtocol)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(capturePath + ".tshark.json"));
        return doc.RootElement.TryGetProperty("protocol_frames", out var frames) && frames.TryGetProperty(tsharkProtocol, out var n) ? n.GetInt32() : 0;
    }

    /// <summary>Every public capture (family/file) where tshark sees none of <paramref name="tsharkProtocols"/>.</summary>
    public static TheoryData<string> CapturesWithout(params string[] tsharkProtocols)
    {
        var data = new TheoryData<string>();
        foreach (var family in Directory.GetDirectories(SharedCaptures.PublicRoot!).Select(Path.GetFileName).Order(StringComparer.Ordinal))
            foreach (var path in SharedCaptures.Captures(family!))
                if (tsharkProtocols.All(p => ProtocolFrames(path, p) == 0))
                    data.Add($"{family}/{Path.GetFileName(path)}");
        return data;
    }

    public static List<JsonElement> Records(string eventsPath, string protocol)
        => [.. EventLog.Read(eventsPath).Where(e => e.GetProperty("protocol").GetString() == protocol)];

    /// <summary>Histogram of <c>function</c>, with null (no primary code) counted under -1.</summary>
    public static SortedDictionary<int, int> Functions(IEnumerable<JsonElement> records)
    {
        var histogram = new SortedDictionary<int, int>();
        foreach (var r in records)
        {
            int code = r.TryGetProperty("function", out var f) && f.ValueKind == JsonValueKind.Number ? f.GetInt32() : -1;
            histogram[code] = histogram.GetValueOrDefault(code) + 1;
        }
        return histogram;
    }

    public static string? Text(JsonElement record, string key)
        => record.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
