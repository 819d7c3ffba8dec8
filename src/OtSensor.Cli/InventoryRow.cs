using System.Globalization;
using System.Net;
using System.Text.Json;

namespace OtSensor.Cli;

/// <summary>One device of devices.json as the <c>inventory</c> command shows it (the JSON object is kept for <c>--format json</c>).</summary>
internal sealed class InventoryRow
{
    public static readonly string[] Columns = ["id", "address", "mac", "name", "type", "level", "vendor", "model", "firmware", "protocols", "confidence", "packets"];

    public required JsonElement Json { get; init; }
    public int Id { get; init; }
    public string Address { get; init; } = "";
    public string Mac { get; init; } = "";
    public string Name { get; init; } = "";
    public string Type { get; init; } = "";
    public int? Level { get; init; }
    public string Vendor { get; init; } = "";
    public string Model { get; init; } = "";
    public string Firmware { get; init; } = "";
    public string Protocols { get; init; } = "";
    public IReadOnlyList<string> ProtocolIds { get; init; } = [];
    public int? Confidence { get; init; }
    public long Packets { get; init; }

    public static InventoryRow From(JsonElement d)
    {
        var ips = d.GetProperty("ipAddresses").EnumerateArray().Select(e => e.GetString()!).ToList();
        var macs = d.GetProperty("macAddresses").EnumerateArray().Select(e => e.GetString()!).ToList();
        var protocols = d.GetProperty("protocols").EnumerateArray().ToList();
        var evidence = d.GetProperty("evidence");
        string? firmware = d.GetProperty("firmware").GetArrayLength() > 0 ? d.GetProperty("firmware")[0].GetProperty("firmwareVersion").GetString() : null;
        return new InventoryRow
        {
            Json = d.Clone(),
            Id = d.GetProperty("id").GetInt32(),
            Address = string.Join(" ", ips),
            Mac = string.Join(" ", macs),
            Name = d.GetProperty("name").GetString() ?? "",
            Type = d.GetProperty("type").GetString() ?? "Unknown",
            Level = d.GetProperty("purdueLevel").ValueKind == JsonValueKind.Number ? d.GetProperty("purdueLevel").GetInt32() : null,
            Vendor = d.GetProperty("vendor").GetString() ?? "",
            Model = evidence.TryGetProperty("model", out var model) ? model.GetProperty("value").GetString()! : "",
            Firmware = firmware is null or "N/A" ? "" : firmware,
            Protocols = string.Join(" ", protocols.Select(p => p.GetProperty("protocol").GetString()
                + "(" + string.Join("/", p.GetProperty("roles").EnumerateArray().Select(r => r.GetString())) + ")"
                + (p.GetProperty("source").GetString() == "port" ? "?" : ""))),
            ProtocolIds = protocols.Select(p => p.GetProperty("protocol").GetString()!).ToList(),
            Confidence = evidence.TryGetProperty("type", out var type) ? type.GetProperty("confidence").GetInt32() : null,
            Packets = d.GetProperty("packetsSent").GetInt64() + d.GetProperty("packetsReceived").GetInt64(),
        };
    }

    public string Cell(string column) => column switch
    {
        "id" => Id.ToString(CultureInfo.InvariantCulture),
        "address" => Address,
        "mac" => Mac,
        "name" => Name,
        "type" => Type,
        "level" => Level?.ToString(CultureInfo.InvariantCulture) ?? "",
        "vendor" => Vendor,
        "model" => Model,
        "firmware" => Firmware,
        "protocols" => Protocols,
        "confidence" => Confidence?.ToString(CultureInfo.InvariantCulture) ?? "",
        "packets" => Packets.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };

    /// <summary>Numbers compare as numbers, addresses by their bytes (10.0.0.9 before 10.0.0.10), the rest as text.</summary>
    public static int Compare(InventoryRow a, InventoryRow b, string column) => column switch
    {
        "id" => a.Id.CompareTo(b.Id),
        "level" => Nullable.Compare(a.Level, b.Level),
        "confidence" => Nullable.Compare(a.Confidence, b.Confidence),
        "packets" => a.Packets.CompareTo(b.Packets),
        "address" => CompareAddresses(a.Address, b.Address),
        _ => string.Compare(a.Cell(column), b.Cell(column), StringComparison.OrdinalIgnoreCase),
    };

    private static int CompareAddresses(string a, string b)
    {
        bool okA = IPAddress.TryParse(a.Split(' ')[0], out var ipA), okB = IPAddress.TryParse(b.Split(' ')[0], out var ipB);
        if (!okA || !okB) return okA == okB ? string.CompareOrdinal(a, b) : okA ? -1 : 1;
        byte[] x = ipA!.MapToIPv6().GetAddressBytes(), y = ipB!.MapToIPv6().GetAddressBytes();
        for (int i = 0; i < x.Length; i++)
            if (x[i] != y[i]) return x[i].CompareTo(y[i]);
        return 0;
    }
}
