using System.Reflection;
using System.Text;
using System.Text.Json;
using OtSensor.Core.Net;

namespace OtSensor.Analysis.Detection;

/// <summary>
/// Known-bad IP addresses and domains for the malware engine (sensor-reference §3.5: Connection Attempt to Known
/// Malicious IP, Malicious Domain Name Request): the embedded <c>indicators.json</c>, plus any user file given with
/// <c>--indicators FILE</c> in the same format.
/// </summary>
/// <remarks>
/// Format: <c>{"indicators": [{"type": "ip"|"domain", "value": "...", "name": "...", "source": "..."}]}</c>. A domain
/// matches itself and every name under it (<c>evil.example</c> matches <c>c2.evil.example</c>), case-insensitively.
/// Look-ups take spans (a DNS question, an HTTP Host header, a TLS server name) and allocate nothing.
/// </remarks>
public sealed class IndicatorSet
{
    private const string ResourceName = "OtSensor.Analysis.Detection.indicators.json";
    /// <summary>Longest name looked up (RFC 1035 §2.3.4: 255 octets).</summary>
    public const int MaxNameLength = 255;
    private static readonly Lazy<IndicatorSet> Shared = new(() => Load(OpenResource(), "indicators.json", null), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Dictionary<IPAddressBytes, Indicator> _addresses = [];
    private readonly Dictionary<string, Indicator> _domains = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Indicator>.AlternateLookup<ReadOnlySpan<char>> _domainLookup;

    private IndicatorSet() => _domainLookup = _domains.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The embedded indicators.</summary>
    public static IndicatorSet Default => Shared.Value;

    /// <summary>No indicators (detection of known-bad addresses off).</summary>
    public static IndicatorSet Empty { get; } = new();

    public int AddressCount => _addresses.Count;
    public int DomainCount => _domains.Count;

    /// <summary>The embedded indicators plus those of <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">The file is not valid JSON or has an invalid entry (one line naming the file and the entry).</exception>
    public static IndicatorSet WithFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var embedded = OpenResource();
        using var file = File.OpenRead(path);
        return Load(embedded, "indicators.json", null).Add(file, path);
    }

    /// <summary>Reads a set from <paramref name="json"/> alone (tests, tools).</summary>
    public static IndicatorSet Parse(Stream json, string name) => new IndicatorSet().Add(json, name);

    private static IndicatorSet Load(Stream json, string name, IndicatorSet? into) => (into ?? new IndicatorSet()).Add(json, name);

    private IndicatorSet Add(Stream json, string name)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new FormatException($"{name}: not valid JSON ({e.Message})", e);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("indicators", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new FormatException($"{name}: expected an object with an \"indicators\" array");
            int i = 0;
            foreach (var entry in list.EnumerateArray())
            {
                string where = $"{name}: indicator {i++}";
                if (entry.ValueKind != JsonValueKind.Object) throw new FormatException($"{where}: expected an object");
                string type = Text(entry, "type", where, required: true);
                string value = Text(entry, "value", where, required: true).Trim();
                var indicator = new Indicator(type, value, Text(entry, "name", where, required: false), Text(entry, "source", where, required: false));
                switch (type)
                {
                    case "ip":
                        // Dotted quads only: the parser would take "1.2.3" as 1.2.0.3 (inet_aton's shorthand), never meant in a list.
                        bool v4 = value.Contains('.', StringComparison.Ordinal);
                        if ((v4 && value.Count(c => c == '.') != 3) || !IPAddressBytes.TryParse(value, out var address)) throw new FormatException($"{where}: \"{value}\" is not an IP address");
                        _addresses[address] = indicator;
                        break;
                    case "domain":
                        string domain = value.TrimEnd('.');
                        if (domain.Length == 0 || domain.Length > MaxNameLength || domain.Contains(' ', StringComparison.Ordinal))
                            throw new FormatException($"{where}: \"{value}\" is not a domain name");
                        _domains[domain] = indicator;
                        break;
                    default:
                        throw new FormatException($"{where}: type \"{type}\" is neither \"ip\" nor \"domain\"");
                }
            }
        }
        return this;
    }

    private static string Text(JsonElement entry, string property, string where, bool required)
    {
        if (entry.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String) return value.GetString()!;
        if (required) throw new FormatException($"{where}: \"{property}\" must be a string");
        return "";
    }

    /// <summary>The indicator for <paramref name="address"/>, or null.</summary>
    public Indicator? Find(IPAddressBytes address) => _addresses.Count != 0 && _addresses.TryGetValue(address, out var i) ? i : null;

    /// <summary>
    /// The indicator matching <paramref name="name"/> (ASCII bytes, a trailing dot ignored) or a domain it is under,
    /// or null.
    /// </summary>
    public Indicator? FindDomain(ReadOnlySpan<byte> name)
    {
        if (_domains.Count == 0 || name.IsEmpty || name.Length > MaxNameLength) return null;
        if (name[^1] == (byte)'.') name = name[..^1];
        Span<char> text = stackalloc char[MaxNameLength];
        for (int i = 0; i < name.Length; i++) text[i] = (char)name[i];
        ReadOnlySpan<char> candidate = text[..name.Length];
        while (true)
        {
            if (_domainLookup.TryGetValue(candidate, out var indicator)) return indicator;
            int dot = candidate.IndexOf('.');
            if (dot < 0 || dot == candidate.Length - 1) return null;
            candidate = candidate[(dot + 1)..];
        }
    }

    /// <summary>The indicator matching <paramref name="name"/> (text), or null.</summary>
    public Indicator? FindDomain(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return FindDomain(Encoding.ASCII.GetBytes(name));
    }

    private static Stream OpenResource() => Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
}
