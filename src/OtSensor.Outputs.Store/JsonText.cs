using System.Text;
using System.Text.Json;

namespace OtSensor.Outputs.Store;

/// <summary>Small JSON arrays kept in one column (a device protocol's addresses, a connection's ports...), without reflection.</summary>
internal static class JsonText
{
    public static string Strings(IReadOnlyList<string> values)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var v in values) w.WriteStringValue(v);
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static string Numbers(IReadOnlyList<int> values)
    {
        var sb = new StringBuilder("[");
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(values[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.Append(']').ToString();
    }

    public static List<string> ReadStrings(string json)
    {
        var list = new List<string>();
        if (json == "[]") return list;
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        while (reader.Read())
            if (reader.TokenType == JsonTokenType.String) list.Add(reader.GetString()!);
        return list;
    }

    public static List<int> ReadNumbers(string json)
    {
        var list = new List<int>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        while (reader.Read())
            if (reader.TokenType == JsonTokenType.Number) list.Add(reader.GetInt32());
        return list;
    }

    /// <summary>Connection protocols as <c>[{"name":..,"commands":[..]}]</c>.</summary>
    public static string Protocols(IReadOnlyList<ConnectionProtocolRecord> protocols)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var p in protocols)
            {
                w.WriteStartObject();
                w.WriteString("name", p.Name);
                w.WriteStartArray("commands");
                foreach (var c in p.Commands) w.WriteStringValue(c);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static List<ConnectionProtocolRecord> ReadProtocols(string json)
    {
        var list = new List<ConnectionProtocolRecord>();
        using var doc = JsonDocument.Parse(json);
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            var commands = new List<string>();
            foreach (var c in item.GetProperty("commands").EnumerateArray()) commands.Add(c.GetString() ?? "");
            list.Add(new ConnectionProtocolRecord(item.GetProperty("name").GetString() ?? "", commands));
        }
        return list;
    }

    /// <summary>MITRE techniques as <c>[{"id":..,"name":..}]</c>.</summary>
    public static string Mitre(IReadOnlyList<MitreRecord> techniques)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var t in techniques)
            {
                w.WriteStartObject();
                w.WriteString("id", t.Id);
                w.WriteString("name", t.Name);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static List<MitreRecord> ReadMitre(string json)
    {
        var list = new List<MitreRecord>();
        using var doc = JsonDocument.Parse(json);
        foreach (var item in doc.RootElement.EnumerateArray())
            list.Add(new MitreRecord(item.GetProperty("id").GetString() ?? "", item.GetProperty("name").GetString() ?? ""));
        return list;
    }
}
