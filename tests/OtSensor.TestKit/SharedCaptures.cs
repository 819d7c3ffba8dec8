namespace OtSensor.TestKit;

/// <summary>
/// The public captures in <c>../shared/pcaps/public</c>, read in place (never copied into the repo).
/// Found by walking up from the test binary to the folder that holds both the repo and <c>shared/</c>.
/// </summary>
public static class SharedCaptures
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>Absolute path of <c>shared/pcaps/public</c>, or null when it is not beside the clone.</summary>
    public static string? PublicRoot => Root.Value;

    public static string PublicFolder(string family)
        => Path.Combine(PublicRoot ?? throw new InvalidOperationException("../shared/pcaps/public was not found beside the repository."), family);

    /// <summary>Capture files (not truth files) in one protocol folder, sorted by name.</summary>
    public static IEnumerable<string> Captures(string family)
        => Directory.EnumerateFiles(PublicFolder(family))
            .Where(f => !f.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string? FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("OTSENSOR_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "pcaps", "public")))
            return Path.Combine(env, "pcaps", "public");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "pcaps", "public");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
