using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using OtSensor.Core.Net;
using OtSensor.Core.Protocols;

namespace OtSensor.Analysis.Detection;

/// <summary>
/// <c>baseline.json</c>: the learned hosts and tuples by address (indexes are not stable across runs), plus muted
/// alert patterns. Written at the end of every run; loaded with <c>--baseline FILE</c> to start from it.
/// </summary>
/// <remarks>
/// Layout: <c>{"version":1, "hosts":[{"address","operations":[...],"internet","firmware","firmwareProtocol","firmwareUnit"}],
/// "connections":[{"client","server","port"}], "protocols":[{"client","server","protocol"}],
/// "functions":[{"client","server","protocol","function"}], "muted":[{"alert","source","destination"}]}</c>.
/// An address is an IP, or a MAC for layer-2-only hosts; "*" is a group destination.
/// </remarks>
public static class BaselineFile
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private const int Version = 1;

    public static void Write(Stream stream, Baseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        using var w = new Utf8JsonWriter(stream, Options);
        w.WriteStartObject();
        w.WriteNumber("version", Version);
        w.WriteStartArray("hosts");
        foreach (var host in baseline.Hosts)
        {
            if (!host.Learned) continue;
            w.WriteStartObject();
            w.WriteString("address", Address(baseline, host.Index));
            w.WriteStartArray("operations");
            for (int op = 0; op < 32; op++)
                if ((host.Operations & (1u << op)) != 0) w.WriteStringValue(OtOperationNames.Get((OtOperation)op));
            w.WriteEndArray();
            w.WriteBoolean("internet", host.Internet);
            if (host.Firmware is null) w.WriteNull("firmware");
            else
            {
                w.WriteString("firmware", host.Firmware);
                w.WriteString("firmwareProtocol", ProtocolNames.Get(host.FirmwareProtocol));
                w.WriteNumber("firmwareUnit", host.FirmwareUnit);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteTuples(w, baseline, BaselineKind.Connection, "connections");
        WriteTuples(w, baseline, BaselineKind.Protocol, "protocols");
        WriteTuples(w, baseline, BaselineKind.Function, "functions");
        w.WriteStartArray("muted");
        foreach (var (alert, source, destination) in baseline.Muted)
        {
            w.WriteStartObject();
            w.WriteString("alert", alert);
            w.WriteString("source", source);
            w.WriteString("destination", destination);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTuples(Utf8JsonWriter w, Baseline baseline, BaselineKind kind, string name)
    {
        var rows = new List<(string Client, string Server, BaselineKey Key)>();
        foreach (var key in baseline.Tuples)
            if (key.Kind == kind && Learned(baseline, key.Client) && Learned(baseline, key.Server))
                rows.Add((Address(baseline, key.Client), Address(baseline, key.Server), key));
        rows.Sort((a, b) => a.Key.Client != b.Key.Client ? a.Key.Client.CompareTo(b.Key.Client)
            : a.Key.Server != b.Key.Server ? a.Key.Server.CompareTo(b.Key.Server)
            : a.Key.Protocol != b.Key.Protocol ? a.Key.Protocol.CompareTo(b.Key.Protocol) : a.Key.Value.CompareTo(b.Key.Value));
        w.WriteStartArray(name);
        foreach (var (client, server, key) in rows)
        {
            w.WriteStartObject();
            w.WriteString("client", client);
            w.WriteString("server", server);
            if (kind == BaselineKind.Connection) w.WriteNumber("port", key.Value);
            else w.WriteString("protocol", ProtocolNames.Get(key.Protocol));
            if (kind == BaselineKind.Function) w.WriteNumber("function", key.Value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    // Tuples of a newcomer's own learning window are kept only if the newcomer itself was learned.
    private static bool Learned(Baseline baseline, int host) => host < 0 || baseline[host].Learned;

    private static string Address(Baseline baseline, int host)
    {
        if (host < 0) return "*";
        var h = baseline[host];
        return h.Address.IsEmpty ? h.Mac.ToString() : h.Address.ToString();
    }

    /// <summary>Reads a baseline file into a new <see cref="Baseline"/>; every host in it is learned.</summary>
    /// <exception cref="FormatException">One line naming what is wrong.</exception>
    public static Baseline Read(Stream stream, string name, int maxEntries = 1_000_000)
    {
        var baseline = new Baseline(maxEntries);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new FormatException($"baseline {name}: not valid JSON ({e.Message})", e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != Version)
                throw new FormatException($"baseline {name}: expected an object with \"version\": {Version}");
            foreach (var h in Array(root, "hosts", name))
            {
                var host = Host(baseline, String(h, "address", name), name, create: true)!;
                host.Learned = true;
                host.Announced = true;
                if (h.TryGetProperty("operations", out var ops) && ops.ValueKind == JsonValueKind.Array)
                    foreach (var op in ops.EnumerateArray())
                        host.LearnOperation(ParseOperation(op.GetString(), name));
                host.Internet = h.TryGetProperty("internet", out var i) && i.ValueKind == JsonValueKind.True;
                host.Firmware = h.TryGetProperty("firmware", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
                if (host.Firmware is not null)
                {
                    host.FirmwareProtocol = Protocol(h, "firmwareProtocol", name);
                    host.FirmwareUnit = h.TryGetProperty("firmwareUnit", out var u) && u.ValueKind == JsonValueKind.Number ? u.GetInt32() : -1;
                }
            }
            foreach (var c in Array(root, "connections", name))
                baseline.Learn(new BaselineKey(Index(baseline, c, "client", name), Index(baseline, c, "server", name), BaselineKind.Connection, ProtocolId.Unknown, Int(c, "port", name)));
            foreach (var p in Array(root, "protocols", name))
                baseline.Learn(new BaselineKey(Index(baseline, p, "client", name), Index(baseline, p, "server", name), BaselineKind.Protocol, Protocol(p, name), 0));
            foreach (var f in Array(root, "functions", name))
                baseline.Learn(new BaselineKey(Index(baseline, f, "client", name), Index(baseline, f, "server", name), BaselineKind.Function, Protocol(f, name), Int(f, "function", name)));
            foreach (var m in Array(root, "muted", name))
                baseline.Muted.Add((String(m, "alert", name), String(m, "source", name), String(m, "destination", name)));
        }
        return baseline;
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement root, string property, string name)
        => root.TryGetProperty(property, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray()
            : throw new FormatException($"baseline {name}: \"{property}\" must be an array");

    private static string String(JsonElement e, string property, string name)
        => e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!
            : throw new FormatException($"baseline {name}: every entry needs a string \"{property}\"");

    private static int Int(JsonElement e, string property, string name)
        => e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int i) ? i
            : throw new FormatException($"baseline {name}: every entry needs an integer \"{property}\"");

    private static ProtocolId Protocol(JsonElement e, string name) => Protocol(e, "protocol", name);

    private static ProtocolId Protocol(JsonElement e, string property, string name)
    {
        var text = String(e, property, name);
        return Baseline.TryParseProtocol(text, out var protocol) ? protocol : throw new FormatException($"baseline {name}: unknown protocol \"{text}\"");
    }

    private static OtOperation ParseOperation(string? text, string name)
    {
        for (int i = 0; i < 32; i++)
            if (string.Equals(OtOperationNames.Get((OtOperation)i), text, StringComparison.Ordinal)) return (OtOperation)i;
        throw new FormatException($"baseline {name}: unknown operation \"{text}\"");
    }

    private static int Index(Baseline baseline, JsonElement e, string property, string name)
    {
        var text = String(e, property, name);
        if (text == "*") return -1;
        return Host(baseline, text, name, create: false)?.Index ?? throw new FormatException($"baseline {name}: {property} {text} is not in \"hosts\"");
    }

    private static BaselineHost? Host(Baseline baseline, string text, string name, bool create)
    {
        IPAddressBytes address = default;
        MacAddress mac = default;
        if (!IPAddressBytes.TryParse(text, out address) && !TryParseMac(text, out mac))
            throw new FormatException($"baseline {name}: \"{text}\" is neither an IP nor a MAC address");
        return create ? baseline.Add(address, mac) : baseline.Find(address, mac);
    }

    private static bool TryParseMac(string text, out MacAddress mac)
    {
        mac = default;
        var parts = text.Split(':', '-');
        if (parts.Length != 6) return false;
        ulong value = 0;
        foreach (var part in parts)
        {
            if (!byte.TryParse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out byte b)) return false;
            value = (value << 8) | b;
        }
        mac = new MacAddress(value);
        return true;
    }
}
