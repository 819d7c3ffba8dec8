using System.IO.Compression;
using System.Reflection;
using System.Text;
using OtSensor.Core.Net;

namespace OtSensor.Analysis.Inventory.Oui;

/// <summary>
/// MAC address → organisation from the IEEE registry (MA-L 24-bit, MA-M 28-bit, MA-S/IAB 36-bit assignments),
/// from the snapshot <c>oui.tsv.gz</c> embedded in this assembly and rebuilt by <c>refresh-oui.sh</c> from the Debian
/// <c>ieee-data</c> package. Loaded once on first use; a look-up is up to three binary searches over sorted
/// prefix arrays (longest assignment first) and returns a shared string: no allocation.
/// Locally administered (U/L bit) and group MACs have no registered vendor (IEEE 802-2014 §8.2).
/// </summary>
public sealed class OuiRegistry
{
    private const string ResourceName = "OtSensor.Analysis.Inventory.Oui.oui.tsv.gz";
    private static readonly Lazy<OuiRegistry> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    // Per prefix length (index 0: 36 bits, 1: 28 bits, 2: 24 bits): sorted prefixes and the matching names.
    private readonly ulong[][] _prefixes;
    private readonly string[][] _names;
    private static readonly int[] Bits = [36, 28, 24];

    private OuiRegistry(ulong[][] prefixes, string[][] names)
    {
        _prefixes = prefixes;
        _names = names;
    }

    /// <summary>The registry embedded in this assembly.</summary>
    public static OuiRegistry Default => Shared.Value;

    /// <summary>Number of assignments (all prefix lengths).</summary>
    public int Count => _prefixes[0].Length + _prefixes[1].Length + _prefixes[2].Length;

    /// <summary>The organisation the MAC's prefix is assigned to; null for group, locally administered, zero or unassigned MACs.</summary>
    public string? Lookup(MacAddress mac)
    {
        if (mac.IsZero || mac.IsGroup || (mac.Value & 0x0200_0000_0000UL) != 0) return null;
        for (int i = 0; i < Bits.Length; i++)
        {
            int index = Array.BinarySearch(_prefixes[i], mac.Value >> (48 - Bits[i]));
            if (index >= 0) return _names[i][index];
        }
        return null;
    }

    /// <summary>Parses the TSV (<c>bits TAB hex-prefix TAB name</c>) of the refresh script.</summary>
    public static OuiRegistry Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lists = new List<(ulong Prefix, string Name)>[] { [], [], [] };
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var parts = line.Split('\t');
            if (parts.Length != 3) continue;
            int slot = parts[0] switch { "36" => 0, "28" => 1, "24" => 2, _ => -1 };
            if (slot < 0 || parts[1].Length * 4 != Bits[slot]
                || !ulong.TryParse(parts[1], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out ulong prefix))
                continue;
            // One string per organisation: many organisations hold dozens of prefixes.
            if (!names.TryGetValue(parts[2], out var name)) names.Add(parts[2], name = parts[2]);
            lists[slot].Add((prefix, name));
        }
        var prefixes = new ulong[3][];
        var values = new string[3][];
        for (int i = 0; i < 3; i++)
        {
            lists[i].Sort((a, b) => a.Prefix.CompareTo(b.Prefix));
            prefixes[i] = new ulong[lists[i].Count];
            values[i] = new string[lists[i].Count];
            for (int j = 0; j < lists[i].Count; j++) (prefixes[i][j], values[i][j]) = lists[i][j];
        }
        return new OuiRegistry(prefixes, values);
    }

    private static OuiRegistry Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return Parse(reader);
    }
}
