using System.Diagnostics;
using System.Text.Json;
using OtSensor.Outputs.Forwarding;
using OtSensor.Outputs.Forwarding.Outbox;

namespace OtSensor.Forwarding.Tests;

/// <summary>
/// The outbox bound: each overflow policy, the sensor's own "Forwarding Outbox Full" alert (once per episode, queued
/// past the bound, to every alert target), an enqueue that never blocks whatever the senders do, and pruning.
/// </summary>
public sealed class OutboxPolicyTests
{
    private static readonly string[] Target = ["t"];

    private static List<OutboundAlert> Waiting(AlertOutbox outbox) =>
        [.. outbox.Pending("t", 1000).Select(e => e.Alert).Where(a => a.Type != OutboxFullAlert.Type)];

    [Fact]
    public void Enqueue_DropOldestFull_EvictsOldestWhateverItsSeverity()
    {
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("o.db"), new OutboxOptions { MaxPending = 3, Overflow = OverflowPolicy.DropOldest });
        outbox.Enqueue(TestAlerts.Make(1, severity: "Critical"), Target);
        outbox.Enqueue(TestAlerts.Make(2, severity: "Critical"), Target);
        outbox.Enqueue(TestAlerts.Make(3, severity: "Major"), Target);

        Assert.Equal(EnqueueResult.QueuedDroppingOlder, outbox.Enqueue(TestAlerts.Make(4, severity: "Warning"), Target));
        Assert.Equal([2L, 3, 4], Waiting(outbox).Select(a => a.AlertId));
        Assert.Equal(EnqueueResult.QueuedDroppingOlder, outbox.Enqueue(TestAlerts.Make(5, severity: "Warning"), Target));
        Assert.Equal([3L, 4, 5], Waiting(outbox).Select(a => a.AlertId));
        Assert.Equal(2, outbox.Count("t", DeliveryState.Dropped)); // the two Critical ones: oldest first, severity aside
        Assert.Equal(0, outbox.Counters.RefusedOnOverflow);
        Assert.Equal(2, outbox.Counters.DroppedOnOverflow);
        Assert.Equal("dropped: outbox full", outbox.LastError("t", 1));
    }

    [Fact]
    public void Enqueue_RefuseNewestFull_RefusedQueueKeptAsItWas()
    {
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("o.db"), new OutboxOptions { MaxPending = 3, Overflow = OverflowPolicy.RefuseNewest });
        for (int i = 1; i <= 3; i++) outbox.Enqueue(TestAlerts.Make(i, severity: "Warning"), Target);

        Assert.Equal(EnqueueResult.Refused, outbox.Enqueue(TestAlerts.Make(4, severity: "Critical"), Target));
        Assert.Equal(EnqueueResult.Refused, outbox.Enqueue(TestAlerts.Make(5, severity: "Critical"), Target));
        Assert.Equal([1L, 2, 3], Waiting(outbox).Select(a => a.AlertId));
        Assert.Equal(2, outbox.Counters.RefusedOnOverflow);
        Assert.Equal(0, outbox.Counters.DroppedOnOverflow);
        Assert.Equal(0, outbox.Count("t", DeliveryState.Dropped));
    }

    [Fact]
    public void Enqueue_FullEpisodes_OneOperationalAlertEachPastTheBound()
    {
        var options = new OutboxOptions { MaxPending = 10, Overflow = OverflowPolicy.RefuseNewest, Sensor = "sensor-9" };
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("o.db"), options);
        var raised = new List<OutboundAlert>();
        outbox.OutboxFull += raised.Add;
        for (int i = 1; i <= 25; i++) outbox.Enqueue(TestAlerts.Make(i), Target);

        var alert = Assert.Single(raised);
        Assert.True(outbox.IsFull);
        Assert.Equal(11, outbox.PendingCount("t")); // ten, and the alert about them
        Assert.Equal(OutboxFullAlert.Type, alert.Type);
        Assert.Equal("Forwarding Outbox Full", alert.Title);
        Assert.Equal("Operational", alert.Engine);
        Assert.Equal("Major", alert.Severity);
        Assert.Equal("sensor-9", alert.Sensor);
        Assert.Contains("holds 10 waiting records", alert.Message, StringComparison.Ordinal);
        Assert.Contains("refuse-newest: 0 dropped and 1 refused", alert.Message, StringComparison.Ordinal);
        Assert.Equal(15, outbox.Counters.RefusedOnOverflow);

        // Still full after a few sends: the same episode.
        outbox.MarkSent("t", [.. outbox.Pending("t", 1).Select(e => e.Sequence)]);
        outbox.Enqueue(TestAlerts.Make(100), Target);
        outbox.Enqueue(TestAlerts.Make(101), Target);
        Assert.Single(raised);

        // Drained below nine tenths: the episode ends; the next overflow is a new one with its own alert.
        outbox.MarkSent("t", [.. outbox.Pending("t", 8).Select(e => e.Sequence)]);
        Assert.False(outbox.IsFull);
        for (int i = 200; i < 220; i++) outbox.Enqueue(TestAlerts.Make(i), Target);
        Assert.Equal(2, raised.Count);
        Assert.NotEqual(raised[0].MessageId, raised[1].MessageId);
        Assert.Equal(2, outbox.Counters.OutboxFullAlerts);
    }

    [Fact]
    public void OutboxFullAlert_SameAsTheLastCatalogueEntry()
    {
        using var catalogue = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "OtSensor.Analysis", "Detection", "alert-catalogue.json")));
        var entry = catalogue.RootElement.GetProperty("alerts").EnumerateArray().Single(a => a.GetProperty("id").GetString() == OutboxFullAlert.Type);
        Assert.Equal(OutboxFullAlert.Title, entry.GetProperty("title").GetString());
        Assert.Equal(OutboxFullAlert.Engine, entry.GetProperty("engine").GetString());
        Assert.Equal(OutboxFullAlert.Severity, entry.GetProperty("severity").GetString());
        Assert.Equal(OutboxFullAlert.Category, entry.GetProperty("category").GetString());
        Assert.Equal([OutboxFullAlert.Technique], entry.GetProperty("mitre").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        var created = OutboxFullAlert.Create("s", DateTimeOffset.UnixEpoch, new OutboxOptions(), 0, 0);
        Assert.Equal(entry.GetProperty("remediation").EnumerateArray().Select(r => r.GetString()), created.RemediationSteps);
    }

    [Theory]
    [InlineData(OverflowPolicy.DropLeastSevere)]
    [InlineData(OverflowPolicy.DropOldest)]
    [InlineData(OverflowPolicy.RefuseNewest)]
    public async Task Enqueue_FullOutboxSenderHangingForever_NeverBlocks(OverflowPolicy policy)
    {
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("o.db"), new OutboxOptions { MaxPending = 100, Overflow = policy });
        var hanging = new RecordingSender("hung") { Hang = true };
        await using var forwarder = new AlertForwarder(outbox, [hanging], new ForwarderOptions { BatchSize = 50 });
        forwarder.Start();
        var slowest = TimeSpan.Zero;
        var total = Stopwatch.StartNew();
        for (int i = 1; i <= 600; i++)
        {
            var one = Stopwatch.StartNew();
            forwarder.Enqueue(TestAlerts.Make(i));
            if (one.Elapsed > slowest) slowest = one.Elapsed;
        }
        Assert.True(slowest < TimeSpan.FromMilliseconds(500), $"one enqueue took {slowest}");
        Assert.True(total.Elapsed < TimeSpan.FromSeconds(15), $"600 enqueues took {total.Elapsed}");
        // The send loop runs on its own: the enqueues above can finish before it first calls the sender.
        var until = DateTime.UtcNow.AddSeconds(10);
        while (hanging.Calls == 0 && DateTime.UtcNow < until) await Task.Delay(20);
        Assert.True(hanging.Calls >= 1, "the sender was called and is holding its batch");
        var c = forwarder.Counters;
        Assert.Equal(600, c.Queued - c.OutboxFullAlerts + c.RefusedOnOverflow);
        Assert.Equal(1, c.OutboxFullAlerts);
        Assert.True(outbox.PendingCount("hung") <= 101);
    }

    [Fact]
    public async Task Forwarder_OutboxFilledByEventRecords_OperationalAlertGoesToEveryAlertTarget()
    {
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("o.db"), new OutboxOptions { MaxPending = 20, Overflow = OverflowPolicy.RefuseNewest });
        var all = new RecordingSender("hub", acceptsAll: true) { Fail = true };
        var alertsOnly = new RecordingSender("syslog") { Fail = true };
        var fast = new ForwarderOptions { InitialBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(50), IdlePoll = TimeSpan.FromMilliseconds(50) };
        await using var forwarder = new AlertForwarder(outbox, [all, alertsOnly], fast);
        forwarder.Start();
        var events = Enumerable.Range(1, 40).Select(i => TestAlerts.Make(i) with { Kind = RecordKind.Event, Body = "{}", RecordKey = $"s:event:{i}", Revision = "1" });
        forwarder.EnqueueRange(events);
        all.Fail = alertsOnly.Fail = false; // the link is back
        Assert.True(await forwarder.DrainAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(20, all.Sent.Count(a => a.Kind == RecordKind.Event));
        Assert.Single(all.Sent, a => a.Type == OutboxFullAlert.Type);
        Assert.Equal(OutboxFullAlert.Type, Assert.Single(alertsOnly.Sent).Type);
    }

    [Fact]
    public void Prune_SettledOlderThanRetention_DeletedPendingAndRecentKept()
    {
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("o.db"), new OutboxOptions { Retention = TimeSpan.FromHours(1) });
        outbox.EnqueueRange(Enumerable.Range(1, 10).Select(i => TestAlerts.Make(i)), ["a", "b"]);
        outbox.MarkSent("a", [.. outbox.Pending("a", 10).Select(e => e.Sequence)]);
        var half = outbox.Pending("b", 5).Select(e => e.Sequence).ToList();
        outbox.MarkSent("b", half[..3]);
        outbox.DeadLetter("b", half[3..], "too large");

        Assert.Equal(0, outbox.Prune(DateTimeOffset.UtcNow)); // settled just now: within the retention
        Assert.Equal(5, outbox.Prune(DateTimeOffset.UtcNow.AddHours(2)));
        Assert.Equal(5, outbox.StoredCount());
        Assert.Equal(5, outbox.PendingCount("b"));
        Assert.Equal(6L, outbox.Pending("b", 1)[0].Alert.AlertId);
        Assert.Equal(5, outbox.Counters.Pruned);
        // A pruned message id is forgotten: offered again, it is new (the retention is the dedupe horizon).
        Assert.Equal(EnqueueResult.Queued, outbox.Enqueue(TestAlerts.Make(1), ["a"]));
    }

    [Fact]
    public void Prune_ManyDaysOfTraffic_FileStopsGrowing()
    {
        var path = TestAlerts.TempFile("o.db");
        var sizes = new List<long>();
        var day = DateTimeOffset.UtcNow;
        for (int cycle = 0; cycle < 5; cycle++)
        {
            using (var outbox = AlertOutbox.Open(path, new OutboxOptions { Retention = TimeSpan.FromHours(12) }))
            {
                outbox.EnqueueRange(Enumerable.Range(cycle * 2000, 2000).Select(i => TestAlerts.Make(i + 1)), ["t"]);
                while (outbox.Pending("t", 1000) is { Count: > 0 } batch) outbox.MarkSent("t", [.. batch.Select(e => e.Sequence)]);
                day = day.AddDays(1);
                outbox.Prune(day);
                Assert.Equal(0, outbox.StoredCount());
            }
            sizes.Add(new FileInfo(path).Length);
        }
        // Pages freed by pruning go back to the file system (incremental auto-vacuum): no growth day after day.
        Assert.True(sizes[^1] <= sizes[0] + 64 * 1024, string.Join(", ", sizes));
    }

    [Fact]
    public async Task Forwarder_PruneLoop_DeletesWhatWasSent()
    {
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("o.db"), new OutboxOptions { Retention = TimeSpan.FromMilliseconds(1) });
        var sender = new RecordingSender("t");
        await using var forwarder = new AlertForwarder(outbox, [sender], new ForwarderOptions { PruneInterval = TimeSpan.FromMilliseconds(100), IdlePoll = TimeSpan.FromMilliseconds(50) });
        forwarder.Start();
        forwarder.EnqueueRange(Enumerable.Range(1, 100).Select(i => TestAlerts.Make(i)));
        Assert.True(await forwarder.DrainAsync(TimeSpan.FromSeconds(10)));
        await EventHubsForwardingTests.WaitUntil(() => outbox.StoredCount() == 0, TimeSpan.FromSeconds(10));
        Assert.Equal(100, sender.Sent.Count);
        Assert.Equal(100, forwarder.Counters.Pruned);
    }

    /// <summary>A target that records what it accepted; it can fail (link down) or hang until cancelled (a stuck socket).</summary>
    private sealed class RecordingSender(string name, bool acceptsAll = false) : IAlertSender
    {
        private int _calls;

        public string Name => name;
        public volatile bool Fail;
        public bool Hang { get; init; }
        public int Calls => Volatile.Read(ref _calls);
        public List<OutboundAlert> Sent { get; } = [];

        public bool Accepts(RecordKind kind) => acceptsAll || kind == RecordKind.Alert;

        public async Task<SendOutcome> SendAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            var outcome = new SendOutcome();
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return outcome;
            }
            if (Fail)
            {
                outcome.Error = new IOException("link down");
                outcome.Transient = true;
                return outcome;
            }
            foreach (var e in entries)
            {
                lock (Sent) Sent.Add(e.Alert);
                outcome.Accepted.Add(e.Sequence);
            }
            return outcome;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
