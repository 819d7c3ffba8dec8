namespace OtSensor.Integration.Tests.Live;

/// <summary>
/// A systemd unit file read as systemd reads it (systemd.syntax(7)): <c>[Section]</c> headers, <c>Key=Value</c> lines,
/// <c>#</c>/<c>;</c> comments, repeated keys kept in order. Enough to check the unit's settings without systemd and to
/// drive the test harness from the same settings.
/// </summary>
internal sealed class SystemdUnitFile
{
    private readonly List<(string Section, string Key, string Value)> _entries = [];

    public SystemdUnitFile(string path)
    {
        string section = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            if (line[0] == '[' && line[^1] == ']')
            {
                section = line[1..^1];
                continue;
            }
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new FormatException($"{path}: not a Key=Value line: '{line}'");
            _entries.Add((section, line[..equals].Trim(), line[(equals + 1)..].Trim()));
        }
    }

    /// <summary>The deployed unit, src/OtSensor.Cli/deploy/otsensor.service.</summary>
    public static string DeployedPath => Path.Combine(RepoPaths.Root, "src", "OtSensor.Cli", "deploy", "otsensor.service");

    public IReadOnlyList<string> Sections => [.. _entries.Select(e => e.Section).Distinct(StringComparer.Ordinal)];

    /// <summary>The last value of a key (systemd's rule for single-valued settings), or null.</summary>
    public string? Get(string section, string key) => _entries.LastOrDefault(e => e.Section == section && e.Key == key).Value;

    /// <summary>The capability names of a space-separated list such as <c>AmbientCapabilities</c>, lower case without <c>CAP_</c>.</summary>
    public IReadOnlyList<string> Capabilities(string key)
        => [.. (Get("Service", key) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.StartsWith("CAP_", StringComparison.Ordinal) ? c[4..].ToLowerInvariant() : c.ToLowerInvariant())];
}
