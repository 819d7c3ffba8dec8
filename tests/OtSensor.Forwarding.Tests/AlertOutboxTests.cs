using OtSensor.Outputs.Forwarding;
using OtSensor.Outputs.Forwarding.Outbox;

namespace OtSensor.Forwarding.Tests;

public sealed class AlertOutboxTests
{
    private static readonly string[] Target = ["t"];

    [Fact]
    public void Enqueue_SameRevisionTwice_SecondIsDuplicate()
    {
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("o.db"));
        Assert.Equal(EnqueueResult.Queued, outbox.Enqueue(TestAlerts.Make(1), Target));
        Assert.Equal(EnqueueResult.Duplicate, outbox.Enqueue(TestAlerts.Make(1), Target));
        Assert.Equal(1, outbox.PendingCount("t"));
        Assert.Equal(1, outbox.Counters.Duplicates);
    }

    [Fact]
    public void Enqueue_LaterRevisionOfSameAlert_QueuedAndNotNew()
    {
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("o.db"));
        var first = TestAlerts.Make(1) with { Count = 1 };
        outbox.Enqueue(first, Target);
        outbox.Enqueue(first with { Count = 5 }, Target);
        var pending = outbox.Pending("t", 10);
        Assert.Equal([true, false], pending.Select(p => p.IsNew));
        Assert.NotEqual(pending[0].MessageId, pending[1].MessageId);
    }

    [Fact]
    public void Enqueue_Full_DropsOldestLessSevereThenRefusesEqual()
    {
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("o.db"), new OutboxOptions { MaxPending = 3 });
        outbox.Enqueue(TestAlerts.Make(1, severity: "Major"), Target);
        outbox.Enqueue(TestAlerts.Make(2, severity: "Warning"), Target);
        outbox.Enqueue(TestAlerts.Make(3, severity: "Warning"), Target);

        Assert.Equal(EnqueueResult.QueuedDroppingOlder, outbox.Enqueue(TestAlerts.Make(4, severity: "Critical"), Target));
        // The first overflow queued the outbox's own alert past the bound.
        Assert.Equal([1L, 3, 4], outbox.Pending("t", 10).Take(3).Select(e => e.Alert.AlertId));
        Assert.Equal(OutboxFullAlert.Type, outbox.Pending("t", 10)[3].Alert.Type);
        Assert.Equal("dropped: outbox full", outbox.LastError("t", 2));

        Assert.Equal(EnqueueResult.QueuedDroppingOlder, outbox.Enqueue(TestAlerts.Make(5, severity: "Minor"), Target));
        Assert.Equal(EnqueueResult.Refused, outbox.Enqueue(TestAlerts.Make(6, severity: "Minor"), Target));
        Assert.Equal([1L, 4, 5], outbox.Pending("t", 10).Where(e => e.Alert.Type != OutboxFullAlert.Type).Select(e => e.Alert.AlertId));
        Assert.Equal(1, outbox.Counters.OutboxFullAlerts);
        Assert.Equal(2, outbox.Counters.DroppedOnOverflow);
        Assert.Equal(1, outbox.Counters.RefusedOnOverflow);
        Assert.Equal(2, outbox.Count("t", DeliveryState.Dropped)); // alerts 2 and 3
    }

    [Fact]
    public void Open_AfterDispose_PendingAndSentStateKept()
    {
        var path = TestAlerts.TempFile("o.db");
        using (var outbox = AlertOutbox.Open(path))
        {
            outbox.EnqueueRange(Enumerable.Range(1, 10).Select(i => TestAlerts.Make(i)), ["a", "b"]);
            outbox.MarkSent("a", [.. outbox.Pending("a", 4).Select(e => e.Sequence)]);
        }
        using var reopened = AlertOutbox.Open(path);
        Assert.Equal(6, reopened.PendingCount("a"));
        Assert.Equal(10, reopened.PendingCount("b"));
        Assert.Equal(5, reopened.Pending("a", 1)[0].Alert.AlertId);
        var restored = reopened.Pending("a", 1)[0].Alert;
        var original = TestAlerts.Make(5);
        Assert.Equal(original.MessageId, restored.MessageId);
        Assert.Equal(original.RemediationSteps, restored.RemediationSteps);
        Assert.Equal(original.Techniques, restored.Techniques);
        Assert.Equal(original.LastDetection, restored.LastDetection);
    }

    [Fact]
    public async Task Forwarder_EntryFailingItself_DeadLetteredAfterMaxAttemptsWithReasonOthersSent()
    {
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("o.db"), new OutboxOptions { MaxAttempts = 3 });
        var sender = new PoisonSender(poisonId: 2);
        await using var forwarder = new AlertForwarder(outbox, [sender], new ForwarderOptions { InitialBackoff = TimeSpan.FromMilliseconds(5), MaxBackoff = TimeSpan.FromMilliseconds(20) });
        forwarder.Start();
        forwarder.EnqueueRange(Enumerable.Range(1, 5).Select(i => TestAlerts.Make(i)));
        Assert.True(await forwarder.DrainAsync(TimeSpan.FromSeconds(10)));
        var counters = forwarder.Counters.Targets.Single();
        Assert.Equal([1L, 3, 4, 5], sender.Sent);
        Assert.Equal(4, counters.Sent);
        Assert.Equal(1, counters.DeadLettered);
        Assert.Equal(3, counters.Failed);
        Assert.Equal(1, outbox.Count("fake", DeliveryState.DeadLettered));
        Assert.Contains("after 3 attempts: InvalidOperationException: poison 2", outbox.LastError("fake", 2), StringComparison.Ordinal);
    }

    [Fact]
    public void Backoff_GrowsExponentiallyWithJitterUpToMax()
    {
        var forwarder = new AlertForwarder(AlertOutbox.Open(TestAlerts.TempFile("o.db")), [], new ForwarderOptions { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(60) });
        for (int n = 1; n <= 10; n++)
        {
            double full = Math.Min(60, Math.Pow(2, n - 1));
            var samples = Enumerable.Range(0, 50).Select(_ => forwarder.Backoff(n).TotalSeconds).ToList();
            Assert.All(samples, s => Assert.InRange(s, full * 0.5, full));
            Assert.True(samples.Distinct().Count() > 1, "jitter");
        }
    }

    /// <summary>Accepts everything except one alert, which fails with an error of its own (not the link's).</summary>
    private sealed class PoisonSender(long poisonId) : IAlertSender
    {
        public List<long> Sent { get; } = [];
        public string Name => "fake";

        public Task<SendOutcome> SendAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
        {
            var outcome = new SendOutcome();
            foreach (var e in entries)
            {
                if (e.Alert.AlertId == poisonId)
                {
                    outcome.Error = new InvalidOperationException($"poison {poisonId}");
                    break;
                }
                Sent.Add(e.Alert.AlertId);
                outcome.Accepted.Add(e.Sequence);
            }
            return Task.FromResult(outcome);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
