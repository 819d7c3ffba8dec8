using OtSensor.Analysis.Detection;
using OtSensor.Engine;
using OtSensor.Simulation;
using OtSensor.Simulation.Scenarios;

namespace OtSensor.Integration.Tests.Detection;

/// <summary>
/// Learning and triage through the whole engine: a newcomer's reads and polls are learned in its own window; the
/// Learn action authorizes an alert's traffic for the next run; Mute suppresses its pattern.
/// </summary>
public sealed class TriageAndLearningTests(DetectionScenarios scenarios) : IClassFixture<DetectionScenarios>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("otsensor-triage-").FullName;

    [Fact]
    public void Analyze_NewDevice_OnlyItsArrivalAlerts_ItsPollsAreLearnedInItsOwnWindow()
    {
        var run = scenarios.Get("new-device", 7);
        var alert = Assert.Single(run.Alerts);
        Assert.Equal("new-asset-detected", alert.Type);
        Assert.Equal("10.20.1.150", alert.Source);
    }

    [Fact]
    public void Analyze_NewcomerWrites_StillAlertInItsOwnWindow()
    {
        var run = scenarios.Get("modbus-writes", 7);
        var asset = Assert.Single(run.Alerts, a => a.Type == "new-asset-detected");
        var write = Assert.Single(run.Alerts, a => a.Type == "unauthorized-plc-configuration-write");
        Assert.Equal(asset.Source, write.Source);
        // Its reads (the exception storm polls unmapped registers) were learned, not alerted.
        Assert.DoesNotContain(run.Alerts, a => a.Type == "new-connection-detected");
    }

    private DetectionEngine Analyze(string capture, Baseline? baseline = null)
    {
        var options = new EngineOptions { Detection = new DetectionOptions { Baseline = baseline, Learning = baseline is null ? DetectionOptions.DefaultLearning : TimeSpan.Zero } };
        using var analyzer = new CaptureAnalyzer(options, new NullPduObserver());
        analyzer.Run([capture]);
        return analyzer.Detection!;
    }

    private string Generate(string scenario)
    {
        var path = Path.Combine(_folder, scenario + ".pcapng");
        using var file = File.Create(path);
        SimulationRunner.Run(ScenarioCatalog.Find(scenario)!, TimeSpan.FromMinutes(3), 7, file);
        return path;
    }

    private static Baseline RoundTrip(DetectionEngine detection)
    {
        detection.ExportMuted();
        var stream = new MemoryStream();
        BaselineFile.Write(stream, detection.Baseline);
        return BaselineFile.Read(new MemoryStream(stream.ToArray()), "round trip");
    }

    [Fact]
    public void Learn_UnauthorizedWrite_IsAuthorizedInTheNextRun()
    {
        var capture = Generate("plc-stop");
        var first = Analyze(capture);
        var write = first.Alerts.Alerts.Single(a => a.Type.Id == "unauthorized-plc-configuration-write");
        Assert.True(first.Alerts.Learn(write.Id));
        Assert.Equal(AlertStatus.Learned, write.Status);

        var second = Analyze(capture, RoundTrip(first));
        Assert.DoesNotContain(second.Alerts.Alerts, a => a.Type.Id == "unauthorized-plc-configuration-write");
        Assert.Contains(second.Alerts.Alerts, a => a.Type.Id == "s7-stop-plc");
    }

    [Fact]
    public void Mute_StopAlert_IsSuppressedInTheNextRun()
    {
        var capture = Generate("plc-stop");
        var first = Analyze(capture);
        var stop = first.Alerts.Alerts.Single(a => a.Type.Id == "s7-stop-plc");
        Assert.True(first.Alerts.Mute(stop.Id));

        var second = Analyze(capture, RoundTrip(first));
        Assert.DoesNotContain(second.Alerts.Alerts, a => a.Type.Id == "s7-stop-plc");
        Assert.Contains(second.Alerts.Alerts, a => a.Type.Id == "controller-stop");
        Assert.True(second.Alerts.MutedDetections > 0);
    }

    [Fact]
    public void Analyze_FirmwareUpdate_FromASavedBaseline_ComparesWithTheLearnedVersion()
    {
        var learned = Analyze(Generate("baseline"));
        var judged = Analyze(Generate("firmware-update"), RoundTrip(learned));
        var changed = Assert.Single(judged.Alerts.Alerts, a => a.Type.Id == "modbus-firmware-version-changed");
        Assert.NotNull(changed.Arguments.Previous);
        Assert.Equal(changed.Arguments.Previous + ".1", changed.Arguments.Value);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
