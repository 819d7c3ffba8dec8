using System.Text.Json;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>The <c>&lt;capture&gt;.tshark.json</c> ground truth beside each public capture.</summary>
internal sealed class TsharkTruth
{
    private readonly JsonElement _root;

    private TsharkTruth(JsonElement root) => _root = root;

    public static TsharkTruth Load(string capturePath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(capturePath + ".tshark.json"));
        return new TsharkTruth(doc.RootElement.Clone());
    }

    public int PacketCount => _root.GetProperty("packet_count").GetInt32();

    /// <summary><c>details.&lt;family&gt;.&lt;field&gt;</c> as code → count; empty when tshark saw none.</summary>
    public SortedDictionary<int, int> Histogram(string family, string field)
    {
        var histogram = new SortedDictionary<int, int>();
        if (_root.TryGetProperty("details", out var details) && details.TryGetProperty(family, out var f) && f.TryGetProperty(field, out var counts))
            foreach (var entry in counts.EnumerateObject())
                if (int.TryParse(entry.Name, out int code)) histogram[code] = entry.Value.GetInt32();
        return histogram;
    }

    public IEnumerable<(string Src, string Dst, string Protocol)> Talkers()
    {
        if (!_root.TryGetProperty("talkers", out var talkers)) yield break;
        foreach (var t in talkers.EnumerateArray())
            yield return (t.GetProperty("src").GetString()!, t.GetProperty("dst").GetString()!, t.GetProperty("protocol").GetString()!);
    }
}
