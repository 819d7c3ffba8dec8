using System.Security.Cryptography;
using OtSensor.Simulation;
using OtSensor.Simulation.Scenarios;

namespace OtSensor.Integration.Tests.Simulation;

/// <summary>
/// The captures in <c>pcaps/simulated/</c> are exactly what their README command makes: regenerated here and compared
/// byte for byte, capture and manifest. Regenerate with the command in pcaps/README.md after changing the simulator.
/// </summary>
public sealed class CommittedSimulatedCapturesTests
{
    /// <summary>The scenarios whose capture is committed (a selection, to keep the repository small; the rest are a command away).</summary>
    public static TheoryData<string> Scenarios() => [.. CommittedNames()];

    private static List<string> CommittedNames()
        => [.. Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "pcaps", "simulated"), "*.pcapng").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void CommittedCaptures_AreKnownScenarios_AndIncludeTheBaseline()
    {
        var committed = CommittedNames();
        Assert.Contains("baseline", committed);
        Assert.All(committed, name => Assert.NotNull(ScenarioCatalog.Find(name)));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void CommittedCapture_IsWhatItsCommandGenerates(string scenario)
    {
        var folder = Path.Combine(RepoPaths.Root, "pcaps", "simulated");
        using var capture = new MemoryStream();
        var result = SimulationRunner.Run(ScenarioCatalog.Find(scenario)!, TimeSpan.FromMinutes(2), 1, capture);
        using var manifest = new MemoryStream();
        result.Manifest.Write(manifest, $"otsensor simulate --scenario {scenario} --duration 2m --seed 1 --out {scenario}.pcapng", result.Frames);

        Assert.Equal(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, scenario + ".pcapng"))), SHA256.HashData(capture.ToArray()));
        Assert.Equal(File.ReadAllText(Path.Combine(folder, scenario + ".manifest.json")), System.Text.Encoding.UTF8.GetString(manifest.ToArray()));
    }
}
