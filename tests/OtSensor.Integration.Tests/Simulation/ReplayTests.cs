using System.Globalization;
using System.Text.RegularExpressions;
using OtSensor.Engine;
using OtSensor.Engine.Replay;
using OtSensor.Simulation;
using OtSensor.Simulation.Scenarios;

namespace OtSensor.Integration.Tests.Simulation;

/// <summary>The PCAP player: paced by capture time, devices and PDUs appear as the capture plays, loops continue time.</summary>
public sealed partial class ReplayTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("otsensor-replay-").FullName;

    private string Generate(string scenario, TimeSpan duration)
    {
        var path = Path.Combine(_folder, scenario + ".pcapng");
        using var file = File.Create(path);
        SimulationRunner.Run(ScenarioCatalog.Find(scenario)!, duration, 5, file);
        return path;
    }

    [Fact]
    public void Replay_TenTimesFaster_TakesATenthOfTheCaptureAndShowsDevicesAppearing()
    {
        var capture = Generate("recon", TimeSpan.FromSeconds(40));
        var result = CliRunner.Run("replay", capture, "--speed", "10x", "--out", Path.Combine(_folder, "out"));
        Assert.Equal(0, result.ExitCode);
        var lines = ProgressLine().Matches(result.StandardOutput).Select(m => (
            Wall: double.Parse(m.Groups["wall"].Value, CultureInfo.InvariantCulture),
            Devices: int.Parse(m.Groups["devices"].Value, CultureInfo.InvariantCulture),
            Pdus: long.Parse(m.Groups["pdus"].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.True(lines.Count >= 3, result.StandardOutput);
        // Pacing: 40 s of capture at 10x cannot be over before about 4 s of wall time (only a lower bound is judged).
        Assert.True(lines[^1].Wall >= 3.8, $"finished after {lines[^1].Wall} s");
        // The storyline's newcomer joins 40 % of the way through: the device count grows while playing.
        Assert.True(lines[^1].Devices > lines[1].Devices, result.StandardOutput);
        for (int i = 1; i < lines.Count; i++) Assert.True(lines[i].Pdus >= lines[i - 1].Pdus);
        Assert.True(File.Exists(Path.Combine(_folder, "out", "devices.json")));
    }

    [Fact]
    public void Play_Loop_ContinuesTimeAcrossPassesUntilCancelled()
    {
        var capture = Generate("baseline", TimeSpan.FromSeconds(20));
        using var once = new CaptureAnalyzer(new EngineOptions(), new DiscardObserver());
        var single = new CapturePlayer(once).Play([capture], new ReplayOptions(0, Loop: false), null, CancellationToken.None);

        using var cancel = new CancellationTokenSource();
        using var looping = new CaptureAnalyzer(new EngineOptions(), new DiscardObserver());
        var passes = new List<int>();
        var summary = new CapturePlayer(looping).Play([capture], new ReplayOptions(0, Loop: true) { ProgressInterval = TimeSpan.Zero }, p =>
        {
            passes.Add(p.Pass);
            if (p.Pass >= 2) cancel.Cancel();
        }, cancel.Token);

        Assert.Contains(2, passes);
        Assert.True(summary.Frames > 2 * single.Frames);
        Assert.True(summary.LastPacket!.Value.Subtract(summary.FirstPacket!.Value) > TimeSpan.FromSeconds(40));
        Assert.Equal(once.Inventory.Devices.Count, looping.Inventory.Devices.Count);
    }

    [Fact]
    public void Replay_BadSpeed_ExitsTwoWithOneLine()
    {
        var result = CliRunner.Run("replay", "x.pcap", "--speed", "fast");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot read speed 'fast'", result.StandardError, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>Keeps nothing: these runs look at the inventory and counters only.</summary>
    private sealed class DiscardObserver : OtSensor.Core.Protocols.IPduObserver
    {
        public bool RecordsPdus => false;
        public System.Text.Json.Utf8JsonWriter? OnPdu(in OtSensor.Core.Protocols.PduContext context, in OtSensor.Core.Protocols.PduSummary pdu) => null;
        public void EndPdu() { }
        public void OnAnomaly(in OtSensor.Core.Protocols.AnomalyRecord anomaly) { }
    }

    [GeneratedRegex(@"replay wall (?<wall>[\d.]+)s .* devices (?<devices>\d+) connections \d+ pdus (?<pdus>\d+)")]
    private static partial Regex ProgressLine();
}
