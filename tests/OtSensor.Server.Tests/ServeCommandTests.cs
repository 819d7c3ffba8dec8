using System.Diagnostics;

namespace OtSensor.Server.Tests;

/// <summary>`otsensor serve` refuses bad options with one clear line and exit code 2, before listening.</summary>
public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("--http --urls http://0.0.0.0:18081", "loopback")]
    [InlineData("--urls http://127.0.0.1:18082", "--http")]
    [InlineData("--urls ftp://127.0.0.1:21", "not a listen URL")]
    [InlineData("--learn soon", "--learn")]
    [InlineData("--max-upload lots", "--max-upload")]
    [InlineData("--port 70000", "--port")]
    [InlineData("--replay-rate 0", "--replay-rate")]
    public async Task Serve_BadOption_OneLineErrorAndExitCode2(string options, string expected)
    {
        var store = Directory.CreateTempSubdirectory("otsensor-serve-options-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "otsensor.dll"));
            start.ArgumentList.Add("serve");
            start.ArgumentList.Add("--store");
            start.ArgumentList.Add(store);
            foreach (var o in options.Split(' ')) start.ArgumentList.Add(o);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("otsensor serve kept running with " + options);
            }
            Assert.Equal(2, process.ExitCode);
            var line = (await stderr).Trim();
            Assert.DoesNotContain('\n', line);
            Assert.StartsWith("otsensor: ", line, StringComparison.Ordinal);
            Assert.Contains(expected, line, StringComparison.Ordinal);
            Assert.DoesNotContain("serving", await stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }
}
