using System.Buffers.Text;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using OtSensor.Core.Net;

namespace OtSensor.Analysis.Inventory.Oui;

/// <summary>
/// MAC address → organisation from the IEEE registry (MA-L 24-bit, MA-M 28-bit, MA-S/IAB 36-bit assignments),
/// from the snapshot <c>oui.tsv.gz</c> embedded in this assembly and rebuilt by <c>refresh-oui.sh</c> from the Debian
/// <c>ieee-data</c> package. Loaded once on first use: the file is unpacked and indexed in one pass over its bytes
/// (prefixes parsed into sorted arrays, names left in place), so loading costs milliseconds. A look-up is up to three
/// binary searches, longest assignment first; an organisation's name is made into a string the first time one of its
/// prefixes is found and shared afterwards, so repeated look-ups allocate nothing.
/// Locally administered (U/L bit) and group MACs have no registered vendor (IEEE 802-2014 §8.2).
/// </summary>
public sealed class OuiRegistry
{
    private const string ResourceName = "OtSensor.Analysis.Inventory.Oui.oui.tsv.gz";
    private static readonly Lazy<OuiRegistry> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly int[] Bits = [36, 28, 24];

    private readonly byte[] _text;
    // Per prefix length (index 0: 36 bits, 1: 28 bits, 2: 24 bits): sorted prefixes, where each name starts and ends
    // in _text, and the names made so far.
    private readonly ulong[][] _prefixes;
    private readonly int[][] _nameStart;
    private readonly int[][] _nameEnd;
    private readonly string?[][] _names;

    private OuiRegistry(byte[] text)
    {
        _text = text;
        var prefixes = new List<ulong>[] { [], [], [] };
        var starts = new List<int>[] { [], [], [] };
        var ends = new List<int>[] { [], [], [] };
        var span = text.AsSpan();
        int pos = 0;
        while (pos < span.Length)
        {
            int length = span[pos..].IndexOf((byte)'\n');
            int lineEnd = length < 0 ? span.Length : pos + length;
            ParseLine(span, pos, lineEnd, prefixes, starts, ends);
            pos = lineEnd + 1;
        }
        _prefixes = new ulong[3][];
        _nameStart = new int[3][];
        _nameEnd = new int[3][];
        _names = new string?[3][];
        for (int i = 0; i < 3; i++)
        {
            ulong[] p = [.. prefixes[i]];
            int[] s = [.. starts[i]], e = [.. ends[i]];
            if (!IsSorted(p))
            {
                // refresh-oui.sh writes sorted lines; a hand-edited snapshot is sorted here instead.
                var order = Enumerable.Range(0, p.Length).OrderBy(k => p[k]).ToArray();
                p = [.. order.Select(k => p[k])];
                s = [.. order.Select(k => s[k])];
                e = [.. order.Select(k => e[k])];
            }
            (_prefixes[i], _nameStart[i], _nameEnd[i], _names[i]) = (p, s, e, new string?[p.Length]);
        }
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
            if (index >= 0) return _names[i][index] ??= Encoding.UTF8.GetString(_text, _nameStart[i][index], _nameEnd[i][index] - _nameStart[i][index]);
        }
        return null;
    }

    /// <summary>Reads the TSV of the refresh script (<c>bits TAB hex-prefix TAB name</c>); malformed lines are skipped.</summary>
    public static OuiRegistry Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new OuiRegistry(Encoding.UTF8.GetBytes(reader.ReadToEnd()));
    }

    private static void ParseLine(ReadOnlySpan<byte> text, int start, int end, List<ulong>[] prefixes, List<int>[] starts, List<int>[] ends)
    {
        var line = text[start..end];
        int tab1 = line.IndexOf((byte)'\t');
        if (tab1 < 0) return;
        int tab2 = line[(tab1 + 1)..].IndexOf((byte)'\t');
        if (tab2 < 0) return;
        tab2 += tab1 + 1;
        if (!Utf8Parser.TryParse(line[..tab1], out int bits, out int used) || used != tab1) return;
        int slot = Array.IndexOf(Bits, bits);
        var hex = line[(tab1 + 1)..tab2];
        if (slot < 0 || hex.Length * 4 != bits || !Utf8Parser.TryParse(hex, out ulong prefix, out used, 'X') || used != hex.Length) return;
        int nameEnd = end;
        if (nameEnd > start + tab2 + 1 && text[nameEnd - 1] == (byte)'\r') nameEnd--;
        if (nameEnd <= start + tab2 + 1) return;
        prefixes[slot].Add(prefix);
        starts[slot].Add(start + tab2 + 1);
        ends[slot].Add(nameEnd);
    }

    private static bool IsSorted(ulong[] values)
    {
        for (int i = 1; i < values.Length; i++)
            if (values[i] <= values[i - 1]) return false;
        return true;
    }

    private static OuiRegistry Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var text = new MemoryStream(2 << 20);
        gzip.CopyTo(text);
        return new OuiRegistry(text.ToArray());
    }
}
