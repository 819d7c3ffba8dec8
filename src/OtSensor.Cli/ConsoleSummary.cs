using System.Globalization;
using OtSensor.Analysis.Statistics;
using Spectre.Console;

namespace OtSensor.Cli;

/// <summary>The short human summary printed after <c>analyze</c>.</summary>
internal static class ConsoleSummary
{
    public static void Print(TrafficSummary s, string outputDirectory)
    {
        var seconds = Math.Max(s.Elapsed.TotalSeconds, 1e-6);
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("[bold]Files[/]", $"{s.Files.Count(f => f.Usable)} read, {s.Files.Count(f => f.Error is not null)} with errors");
        grid.AddRow("[bold]Frames[/]", $"{s.Frames:N0} ({Mb(s.Bytes)} of frame data)");
        if (s.FirstPacket is { } first && s.LastPacket is { } last)
            grid.AddRow("[bold]Capture span[/]", $"{first} → {last} ({(last.UnixNanoseconds - first.UnixNanoseconds) / 1e9:N1} s)");
        grid.AddRow("[bold]Devices[/]", $"{s.Devices:N0} devices, {s.Connections:N0} connections");
        grid.AddRow("[bold]PDUs[/]", s.Pdus.Count == 0 ? "none decoded" : string.Join(", ", s.Pdus.Select(p => $"{p.Key} {p.Value:N0}")));
        grid.AddRow("[bold]Anomalies[/]", s.Anomalies.Count == 0 ? "none" :
            Markup.Escape(string.Join(", ", s.Anomalies.OrderByDescending(a => a.Value).Take(5).Select(a => $"{a.Key} {a.Value:N0}"))
                + (s.Anomalies.Count > 5 ? $", … ({s.Anomalies.Count} kinds)" : "")));
        if (s.Alerts.TryGetValue("total", out long alerts))
            grid.AddRow("[bold]Alerts[/]", alerts == 0 ? "none" : $"{alerts:N0}: " + string.Join(", ",
                SeverityNames.Where(k => s.Alerts.GetValueOrDefault(k) > 0).Select(k => $"{k} {s.Alerts[k]:N0}")));
        // Rates over a fraction of a second mostly measure start-up and JIT: show them only for real work.
        grid.AddRow("[bold]Time[/]", s.Elapsed.TotalSeconds < 0.5
            ? $"{s.Elapsed.TotalSeconds:N2} s"
            : $"{s.Elapsed.TotalSeconds:N2} s, {s.Bytes / 1e6 / seconds:N0} MB/s, {s.Frames / seconds:N0} packets/s");
        grid.AddRow("[bold]Output[/]", Markup.Escape(Path.GetFullPath(outputDirectory)));
        AnsiConsole.Write(new Panel(grid).Header("otsensor analyze").Border(BoxBorder.Rounded));
    }

    private static readonly string[] SeverityNames = ["Critical", "Major", "Minor", "Warning"];

    private static string Mb(long bytes) => (bytes / 1e6).ToString("N1", CultureInfo.InvariantCulture) + " MB";
}
