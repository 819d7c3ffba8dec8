namespace OtSensor.Integration.Tests.Simulation;

/// <summary><c>otsensor simulate</c> as a user runs it: files written, bad arguments refused in one line.</summary>
public sealed class SimulateCommandTests
{
    [Fact]
    public void Simulate_WritesCaptureAndManifest()
    {
        var folder = Directory.CreateTempSubdirectory("otsensor-simcli-").FullName;
        try
        {
            var capture = Path.Combine(folder, "plant.pcapng");
            var result = CliRunner.Run("simulate", "--scenario", "plc-stop", "--duration", "90s", "--seed", "3", "--out", capture);
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("plc-stop", result.StandardOutput, StringComparison.Ordinal);
            Assert.True(new FileInfo(capture).Length > 10_000);
            var manifest = File.ReadAllText(Path.Combine(folder, "plant.manifest.json"));
            Assert.Contains("\"command\": \"otsensor simulate --scenario plc-stop --duration 90s --seed 3 --out plant.pcapng\"", manifest, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("--scenario", "nonsense", "unknown scenario 'nonsense'")]
    [InlineData("--duration", "forever", "cannot read duration 'forever'")]
    [InlineData("--duration", "2s", "cannot read duration '2s'")]
    public void Simulate_BadArgument_ExitsTwoWithOneLine(string option, string value, string message)
    {
        var result = CliRunner.Run("simulate", option, value, "--out", Path.Combine(Path.GetTempPath(), "never.pcapng"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }
}
