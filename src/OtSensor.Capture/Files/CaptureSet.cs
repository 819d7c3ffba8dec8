namespace OtSensor.Capture.Files;

/// <summary>
/// The capture files named on a command line: files are taken as given, folders are expanded to the
/// capture files directly inside them (not recursive), sorted by name. Anything that is not a
/// capture is left out and listed in <see cref="Skipped"/> with the reason.
/// </summary>
public sealed class CaptureSet
{
    private CaptureSet(IReadOnlyList<CaptureSetFile> files, IReadOnlyList<CaptureSetSkip> skipped, IReadOnlyList<string> missing)
    {
        Files = files;
        Skipped = skipped;
        Missing = missing;
    }

    /// <summary>Capture files in order: arguments in the order given, each folder's files sorted by name (ordinal).</summary>
    public IReadOnlyList<CaptureSetFile> Files { get; }

    /// <summary>Files that exist but are not readable captures (truth <c>.json</c> files, empty files, unknown magic).</summary>
    public IReadOnlyList<CaptureSetSkip> Skipped { get; }

    /// <summary>Arguments that are neither a file nor a folder.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Expands <paramref name="paths"/>; never throws for missing or unreadable entries (they are reported).</summary>
    public static CaptureSet Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<CaptureSetFile>();
        var skipped = new List<CaptureSetSkip>();
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                Add(path, files, skipped, seen);
            }
            else if (Directory.Exists(path))
            {
                string[] entries;
                try
                {
                    entries = Directory.GetFiles(path);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    skipped.Add(new CaptureSetSkip(path, ex.Message));
                    continue;
                }

                Array.Sort(entries, StringComparer.Ordinal);
                foreach (var entry in entries) Add(entry, files, skipped, seen);
            }
            else
            {
                missing.Add(path);
            }
        }

        return new CaptureSet(files, skipped, missing);
    }

    private static void Add(string path, List<CaptureSetFile> files, List<CaptureSetSkip> skipped, HashSet<string> seen)
    {
        if (!seen.Add(Path.GetFullPath(path))) return;
        if (CaptureMagic.TryDetectFile(path, out var format, out var reason))
            files.Add(new CaptureSetFile(path, format));
        else
            skipped.Add(new CaptureSetSkip(path, reason ?? "not a capture file"));
    }
}
