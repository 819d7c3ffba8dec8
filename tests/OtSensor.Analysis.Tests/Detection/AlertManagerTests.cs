using OtSensor.Analysis.Detection;
using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Core.Time;

namespace OtSensor.Analysis.Tests.Detection;

/// <summary>Aggregation, bounds and triage of alerts (sensor-reference §3.7).</summary>
public sealed class AlertManagerTests
{
    private static readonly Timestamp T0 = Timestamp.FromDateTime(new DateTime(2026, 3, 2, 6, 0, 0, DateTimeKind.Utc));
    private static readonly AlertEndpoint Hmi = AlertEndpoint.Of(IPAddressBytes.FromIPv4(0x0A14020A)); // 10.20.2.10
    private static readonly AlertEndpoint Plc = AlertEndpoint.Of(IPAddressBytes.FromIPv4(0x0A14010E)); // 10.20.1.14
    private static readonly AlertArguments Write = AlertArguments.Of(ProtocolId.S7Comm, 5, "Write Var", OtOperation.Write, 102);

    private static AlertManager Manager(DetectionLimits? limits = null) => new(AlertCatalogue.Default, limits ?? new DetectionLimits(), new Timeline(100));

    private static int Type(string id) => AlertCatalogue.Default.Get(id).Index;

    private static Alert? Raise(AlertManager m, string type, Timestamp at, long frame, AlertEndpoint? source = null)
        => m.Raise(Type(type), at, source ?? Hmi, Plc, 1, 2, new FrameRef(0, frame), in Write);

    [Fact]
    public void Raise_SameTypeAndEndpointsWithinWindow_CountsUp()
    {
        var m = Manager();
        var first = Raise(m, "unauthorized-plc-configuration-write", T0, 10);
        var second = Raise(m, "unauthorized-plc-configuration-write", T0.Add(TimeSpan.FromMinutes(5)), 20);
        Assert.Same(first, second);
        Assert.Single(m.Alerts);
        Assert.Equal(2, first!.Count);
        Assert.Equal(T0, first.FirstTime);
        Assert.Equal(T0.Add(TimeSpan.FromMinutes(5)), first.LastTime);
        Assert.Equal([new FrameRef(0, 10), new FrameRef(0, 20)], first.Evidence.ToArray());
    }

    [Fact]
    public void Raise_AfterTheWindow_MakesANewAlert()
    {
        var m = Manager();
        var first = Raise(m, "unauthorized-plc-configuration-write", T0, 10);
        var later = Raise(m, "unauthorized-plc-configuration-write", T0.Add(TimeSpan.FromMinutes(11)), 20);
        Assert.NotSame(first, later);
        Assert.Equal(2, m.Alerts.Count);
    }

    [Fact]
    public void Raise_OtherSource_IsAnotherAlert()
    {
        var m = Manager();
        Raise(m, "unauthorized-plc-configuration-write", T0, 10);
        Raise(m, "unauthorized-plc-configuration-write", T0, 11, AlertEndpoint.Of(IPAddressBytes.FromIPv4(0x0A140214)));
        Assert.Equal(2, m.Alerts.Count);
    }

    [Fact]
    public void Raise_CountUp_AllocatesNothing()
    {
        var m = Manager();
        Raise(m, "unauthorized-plc-configuration-write", T0, 1);
        for (int i = 0; i < 100; i++) Raise(m, "unauthorized-plc-configuration-write", T0, i + 2);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++) Raise(m, "unauthorized-plc-configuration-write", T0.Add(TimeSpan.FromMilliseconds(i)), i + 200);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(10_101, m.Alerts[0].Count);
    }

    [Fact]
    public void Raise_Flood_KeepsEvidenceAndAlertsBoundedAndCountsTheRest()
    {
        var m = Manager(new DetectionLimits { MaxAlerts = 100, MaxEvidencePerAlert = 4 });
        for (int i = 0; i < 1000; i++) Raise(m, "unauthorized-plc-configuration-write", T0, i + 1);
        Assert.Equal(4, m.Alerts[0].EvidenceCount);
        Assert.Equal(996, m.Alerts[0].EvidenceDropped);
        // A new source every frame: 60 per minute are stored, the rest counted.
        for (int i = 0; i < 1000; i++)
            Raise(m, "new-asset-detected", T0.Add(TimeSpan.FromSeconds(i)), i + 1, AlertEndpoint.Of(IPAddressBytes.FromIPv4(0x0A000000u + (uint)i)));
        Assert.Equal(100, m.Alerts.Count);
        Assert.Equal(901, m.Suppressed(Type("new-asset-detected")));
    }

    [Fact]
    public void Raise_DisabledType_RaisesNothing()
    {
        var m = Manager();
        Assert.Null(Raise(m, "long-address-scan", T0, 1));
        Assert.Empty(m.Alerts);
        Assert.False(m.LastSuppressed);
    }

    [Fact]
    public void Close_SameTrafficAgain_RaisesANewAlert()
    {
        var m = Manager();
        var first = Raise(m, "controller-stop", T0, 1)!;
        Assert.True(m.Close(first.Id));
        var again = Raise(m, "controller-stop", T0.Add(TimeSpan.FromSeconds(1)), 2);
        Assert.NotSame(first, again);
        Assert.Equal(AlertStatus.Closed, first.Status);
    }

    [Fact]
    public void Acknowledge_KeepsCountingUp()
    {
        var m = Manager();
        var first = Raise(m, "controller-stop", T0, 1)!;
        Assert.True(m.Acknowledge(first.Id));
        Assert.Same(first, Raise(m, "controller-stop", T0.Add(TimeSpan.FromSeconds(1)), 2));
        Assert.Equal(AlertStatus.Acknowledged, first.Status);
    }

    [Fact]
    public void Mute_SuppressesThePatternFromThenOn()
    {
        var m = Manager();
        var first = Raise(m, "controller-stop", T0, 1)!;
        Assert.True(m.Mute(first.Id));
        Assert.Null(Raise(m, "controller-stop", T0.Add(TimeSpan.FromHours(1)), 2));
        Assert.Single(m.Alerts);
        Assert.Equal(1, m.MutedDetections);
        Assert.Contains(first.Key, m.MutedPatterns);
    }

    [Fact]
    public void Learn_ClosesAndHandsTheAlertToTheLearner()
    {
        var m = Manager();
        var learner = new RecordingLearner();
        m.Learner = learner;
        var first = Raise(m, "unauthorized-plc-configuration-write", T0, 1)!;
        Assert.True(m.Learn(first.Id));
        Assert.Equal(AlertStatus.Learned, first.Status);
        Assert.Same(first, Assert.Single(learner.Learned));
        Assert.False(m.Learn(999));
    }

    [Fact]
    public void Raise_NewAlert_IsOnTheTimeline()
    {
        var m = Manager();
        var alert = Raise(m, "controller-stop", T0, 1)!;
        var e = Assert.Single(m.Timeline.Events);
        Assert.Equal(TimelineEventType.AlertReported, e.Type);
        Assert.Equal(alert.Id, e.AlertId);
        Assert.Equal("ALERT_REPORTED", TimelineEventNames.Type(e.Type));
    }

    [Fact]
    public void RenderMessage_UsesTheCatalogueTemplate()
    {
        var m = Manager();
        var alert = Raise(m, "unauthorized-plc-configuration-write", T0, 1)!;
        Assert.Equal("10.20.2.10 wrote to 10.20.1.14 (s7comm Write Var) but was not learned as writing to controllers.", alert.RenderMessage());
        Assert.All(alert.RenderRemediation(), step => Assert.DoesNotContain("{", step, StringComparison.Ordinal));
    }

    private sealed class RecordingLearner : IAlertLearner
    {
        public List<Alert> Learned { get; } = [];
        public void Learn(Alert alert) => Learned.Add(alert);
    }
}
