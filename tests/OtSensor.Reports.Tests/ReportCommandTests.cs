using System.Diagnostics;

namespace OtSensor.Reports.Tests;

/// <summary><c>otsensor report</c> run as a child process: the PDF and exports on success, exit 2 and one line on bad input.</summary>
public sealed class ReportCommandTests
{
    [Fact]
    public void Report_DemoCapture_WritesPdfAndExports()
    {
        var folder = Directory.CreateTempSubdirectory("otsensor-report-cli-").FullName;
        try
        {
            var pdf = Path.Combine(folder, "report.pdf");
            var (code, stdout, stderr) = Run("report", ReportHarness.DemoCapture, "--out", pdf, "--site", "Demo water plant", "--exports", Path.Combine(folder, "tables"));
            Assert.True(code == 0, stderr);
            Assert.Contains("score", stdout, StringComparison.Ordinal);
            var (text, pages) = ReportHarness.Read(File.ReadAllBytes(pdf));
            Assert.Contains("Demo water plant", text, StringComparison.Ordinal);
            Assert.True(pages >= 5);
            foreach (var table in new[] { "inventory", "vulnerabilities", "findings", "alerts" })
            {
                Assert.True(File.Exists(Path.Combine(folder, "tables", table + ".csv")));
                Assert.True(File.Exists(Path.Combine(folder, "tables", table + ".json")));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("missing.pcap", "report.pdf", "is not a file or folder")]
    [InlineData("DEMO", "report.txt", "must name a .pdf file")]
    [InlineData("DEMO", "/nonexistent-folder/report.pdf", "does not exist")]
    public void Report_BadInput_ExitsTwoWithOneLine(string capture, string output, string reason)
    {
        var (code, _, stderr) = Run("report", capture == "DEMO" ? ReportHarness.DemoCapture : capture, "--out", output);
        Assert.Equal(2, code);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Report_BadLearnDuration_ExitsTwo()
    {
        var (code, _, stderr) = Run("report", ReportHarness.DemoCapture, "--out", Path.Combine(Path.GetTempPath(), "never.pdf"), "--learn", "soon");
        Assert.Equal(2, code);
        Assert.StartsWith("otsensor: --learn:", stderr, StringComparison.Ordinal);
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "otsensor.dll"));
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("otsensor report did not finish within a minute");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
