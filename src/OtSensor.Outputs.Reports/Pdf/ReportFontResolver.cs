using PdfSharp.Fonts;

namespace OtSensor.Outputs.Reports.Pdf;

/// <summary>Maps the report's two families to the DejaVu faces of Debian's <c>fonts-dejavu-core</c>; PDFsharp subsets and embeds them.</summary>
/// <remarks>
/// PDFsharp on Linux finds no fonts by itself (platform-notes "PDF reports"). The folder is
/// <c>/usr/share/fonts/truetype/dejavu</c> unless <c>OTSENSOR_FONTS</c> names another one holding the same file names;
/// tests/run-all.sh installs the package. Every family name asked for resolves to DejaVu Sans (or its condensed cut
/// for "DejaVu Sans Condensed"), so a missing face never silently becomes a different font.
/// </remarks>
public sealed class ReportFontResolver : IFontResolver
{
    public const string Sans = "DejaVu Sans";
    public const string Condensed = "DejaVu Sans Condensed";

    private static readonly Lock Gate = new();
    private readonly string _folder;
    private readonly Dictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    private ReportFontResolver(string folder) => _folder = folder;

    /// <summary>The folder fonts are read from.</summary>
    public static string FontFolder => Environment.GetEnvironmentVariable("OTSENSOR_FONTS") is { Length: > 0 } folder ? folder : "/usr/share/fonts/truetype/dejavu";

    /// <summary>Installs the resolver once per process; throws with the fix when the font files are missing.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is ReportFontResolver) return;
            var folder = FontFolder;
            if (!File.Exists(Path.Combine(folder, "DejaVuSans.ttf")))
                throw new FileNotFoundException($"DejaVu fonts not found in {folder}: install fonts-dejavu-core (apt-get install -y fonts-dejavu-core) or set OTSENSOR_FONTS");
            GlobalFontSettings.FontResolver = new ReportFontResolver(folder);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        bool condensed = familyName.Contains("Condensed", StringComparison.OrdinalIgnoreCase);
        string face = (condensed ? "DejaVuSansCondensed" : "DejaVuSans") + (bold ? "-Bold" : "");
        return new FontResolverInfo(face);
    }

    public byte[]? GetFont(string faceName)
    {
        lock (_faces)
        {
            if (_faces.TryGetValue(faceName, out var bytes)) return bytes;
            bytes = File.ReadAllBytes(Path.Combine(_folder, faceName + ".ttf"));
            _faces[faceName] = bytes;
            return bytes;
        }
    }
}
