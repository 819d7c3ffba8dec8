using System.Text.RegularExpressions;

namespace OtSensor.Console.Tests;

/// <summary>
/// Rules the console's files keep, checked on the files the build put in the test output's console/ folder (what the
/// server serves): no markup built from strings, nothing loaded from outside the sensor, every page's script present.
/// </summary>
public sealed partial class ConsoleSourceTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "console");

    [Fact]
    public void Scripts_NeverBuildMarkupFromStrings()
    {
        var offenders = Scripts()
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (f, line, i)))
            .Where(x => MarkupSink().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(Root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToArray();
        Assert.True(offenders.Length == 0, "markup from strings: " + string.Join(" | ", offenders));
    }

    [Fact]
    public void Pages_LoadNothingFromOutsideTheSensor()
    {
        var offenders = Directory.EnumerateFiles(Root, "*.html", SearchOption.AllDirectories).Concat(Scripts())
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "assets", "css"), "*.css"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}vendor{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => ExternalReference().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToArray();
        Assert.True(offenders.Length == 0, "external references: " + string.Join(" | ", offenders));
    }

    [Fact]
    public void Pages_EachLoadTheirOwnScript_AndTheLibrariesAreThere()
    {
        var pages = Directory.EnumerateFiles(Root, "*.html").ToArray();
        Assert.Equal(10, pages.Length);
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            var script = PageScript().Match(html);
            Assert.True(script.Success, Path.GetFileName(page) + " has no page script");
            Assert.True(File.Exists(Path.Combine(Root, script.Groups["path"].Value)), Path.GetFileName(page) + " loads a missing " + script.Groups["path"].Value);
            Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
            Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
        }
        Assert.True(new FileInfo(Path.Combine(Root, "assets", "vendor", "cytoscape.esm.min.js")).Length > 100_000);
        Assert.True(new FileInfo(Path.Combine(Root, "assets", "vendor", "chart.umd.min.js")).Length > 100_000);
    }

    private static IEnumerable<string> Scripts() =>
        Directory.EnumerateFiles(Path.Combine(Root, "assets", "js"), "*.js", SearchOption.AllDirectories);

    [GeneratedRegex(@"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment|new\s+DOMParser")]
    private static partial Regex MarkupSink();

    // Any absolute URL or protocol-relative reference in src/href/url()/import.
    [GeneratedRegex(@"(src|href)\s*=\s*[""']\s*(https?:)?//|url\(\s*[""']?(https?:)?//|from\s+[""'](https?:)?//|import\(\s*[""'](https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex(@"<script type=""module"" src=""/(?<path>assets/js/pages/[a-z]+\.js)""></script>")]
    private static partial Regex PageScript();
}
