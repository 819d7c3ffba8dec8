using System.Text.Json;
using Azure.Messaging.EventHubs;
using OtSensor.Outputs.Forwarding;
using OtSensor.Outputs.Forwarding.EventHubs;
using OtSensor.Outputs.Forwarding.Outbox;

namespace OtSensor.Forwarding.Tests;

/// <summary>
/// The real <c>EventHubProducerClient</c> against the in-process endpoint: every alert arrives, once after dedupe by
/// message id, schema-valid and in order per partition key, through outages, dropped connections, restarts and 401s.
/// </summary>
public sealed class EventHubsForwardingTests
{
    private static readonly ForwarderOptions Fast = new() { InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(400), IdlePoll = TimeSpan.FromMilliseconds(100) };

    private static EventHubsSender Sender(TestEventHubEndpoint hub) =>
        new(hub.ConnectionString, new EventHubsRetryOptions { MaximumRetries = 1, TryTimeout = TimeSpan.FromSeconds(2), Delay = TimeSpan.FromMilliseconds(50), MaximumDelay = TimeSpan.FromMilliseconds(200) });

    private static void AssertOnceEachInOrder(TestEventHubEndpoint hub, IReadOnlyList<OutboundAlert> alerts)
    {
        var events = hub.Events;
        var distinct = new Dictionary<string, ReceivedEvent>(StringComparer.Ordinal);
        var firstArrival = new List<ReceivedEvent>();
        foreach (var e in events)
            if (distinct.TryAdd(e.MessageId, e)) firstArrival.Add(e);
        Assert.Equal(alerts.Count, distinct.Count);
        foreach (var a in alerts) Assert.True(distinct.ContainsKey(a.MessageId), $"missing {a.MessageId}");
        // Per partition key, first arrivals are in enqueue order.
        var expected = alerts.GroupBy(a => a.PartitionKey).ToDictionary(g => g.Key, g => g.Select(a => a.MessageId).ToList());
        var actual = firstArrival.GroupBy(e => e.PartitionKey!).ToDictionary(g => g.Key, g => g.Select(e => e.MessageId).ToList());
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (key, ids) in expected) Assert.Equal(ids, actual[key]);
    }

    [Fact]
    public async Task Forwarder_TenThousandAlerts_ArriveOnceEachSchemaValidInOrderPerKey()
    {
        using var hub = new TestEventHubEndpoint();
        var alerts = Enumerable.Range(1, 10_000).Select(i => TestAlerts.Make(i)).ToList();
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("outbox.db"));
        await using (var forwarder = new AlertForwarder(outbox, [Sender(hub)], Fast))
        {
            forwarder.Start();
            Assert.Equal(10_000, forwarder.EnqueueRange(alerts));
            Assert.True(await forwarder.DrainAsync(TimeSpan.FromSeconds(60)), forwarder.Counters.Targets.First().ToString());
            var counters = forwarder.Counters.Targets.Single();
            Assert.Equal(10_000, counters.Sent);
            Assert.Equal(0, counters.DeadLettered);
        }
        AssertOnceEachInOrder(hub, alerts);

        var schema = new SchemaValidator(Path.Combine(RepoPaths.Forwarding, "security-alert.schema.json"));
        var byId = alerts.ToDictionary(a => a.MessageId);
        foreach (var e in hub.Events)
        {
            using var doc = JsonDocument.Parse(e.Body);
            var errors = schema.Validate(doc.RootElement);
            Assert.True(errors.Count == 0, $"{e.MessageId}: {string.Join("; ", errors)}");
            var a = byId[e.MessageId];
            var r = doc.RootElement;
            Assert.Equal(a.Title, r.GetProperty("AlertName").GetString());
            Assert.Equal(a.AzureSeverity, r.GetProperty("AlertSeverity").GetString());
            Assert.Equal(a.AlertKey, r.GetProperty("VendorOriginalId").GetString());
            Assert.Equal("ImpairProcessControl", r.GetProperty("Tactics").GetString());
            using var ext = JsonDocument.Parse(r.GetProperty("ExtendedProperties").GetString()!);
            Assert.Equal(a.SourceAddress, ext.RootElement.GetProperty("SourceDeviceAddress").GetString());
            Assert.Equal("sensor-1", ext.RootElement.GetProperty("SensorId").GetString());
            Assert.Equal("modbus", ext.RootElement.GetProperty("Protocol").GetString());
            using var entities = JsonDocument.Parse(r.GetProperty("Entities").GetString()!);
            Assert.Contains(entities.RootElement.EnumerateArray(), x => x.GetProperty("Type").GetString() == "ip" && x.GetProperty("Address").GetString() == a.SourceAddress);
        }
    }

    [Fact]
    public async Task Forwarder_EndpointDownThenBack_NothingLostFailuresCounted()
    {
        using var hub = new TestEventHubEndpoint();
        hub.Stop();
        var alerts = Enumerable.Range(1, 600).Select(i => TestAlerts.Make(i)).ToList();
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("outbox.db"));
        await using var forwarder = new AlertForwarder(outbox, [Sender(hub)], Fast);
        forwarder.Start();
        forwarder.EnqueueRange(alerts);
        var counters = forwarder.Counters.Targets.Single();
        await WaitUntil(() => counters.Failed >= 2, TimeSpan.FromSeconds(20));
        Assert.Equal(0, counters.Sent);
        Assert.Equal(600, counters.Pending);
        Assert.NotNull(counters.LastError);

        hub.Start();
        Assert.True(await forwarder.DrainAsync(TimeSpan.FromSeconds(30)), counters.ToString());
        AssertOnceEachInOrder(hub, alerts);
        Assert.True(counters.Retried >= 1);
        Assert.Equal(0, counters.DeadLettered);
    }

    [Fact]
    public async Task Forwarder_ConnectionDroppedMidBatch_BatchResentDedupedByMessageId()
    {
        using var hub = new TestEventHubEndpoint();
        hub.DropNextTransfer();
        var alerts = Enumerable.Range(1, 2000).Select(i => TestAlerts.Make(i, sources: 3)).ToList();
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("outbox.db"));
        await using var forwarder = new AlertForwarder(outbox, [Sender(hub)], Fast);
        forwarder.Start();
        forwarder.EnqueueRange(alerts);
        Assert.True(await forwarder.DrainAsync(TimeSpan.FromSeconds(40)), forwarder.Counters.Targets.Single().ToString());
        Assert.Equal(1, hub.TransfersDropped);
        // The dropped batch arrived twice: duplicates exist and dedupe removes them.
        Assert.True(hub.Count > alerts.Count, $"{hub.Count} events for {alerts.Count} alerts");
        AssertOnceEachInOrder(hub, alerts);
    }

    [Fact]
    public async Task Forwarder_DisposedWithPendingAndReopened_SendsEverythingOnce()
    {
        using var hub = new TestEventHubEndpoint();
        var path = TestAlerts.TempFile("outbox.db");
        var first = Enumerable.Range(1, 300).Select(i => TestAlerts.Make(i)).ToList();
        var second = Enumerable.Range(301, 300).Select(i => TestAlerts.Make(i)).ToList();
        hub.Stop();
        using (var outbox = AlertOutbox.Open(path))
        await using (var forwarder = new AlertForwarder(outbox, [Sender(hub)], Fast))
        {
            forwarder.Start();
            forwarder.EnqueueRange(first);
            await WaitUntil(() => forwarder.Counters.Targets.Single().Failed >= 1, TimeSpan.FromSeconds(20));
        }
        // "Restart": a new process opens the same file; the same run is offered again (duplicates ignored) plus new alerts.
        hub.Start();
        using (var outbox = AlertOutbox.Open(path))
        await using (var forwarder = new AlertForwarder(outbox, [Sender(hub)], Fast))
        {
            Assert.Equal(300, outbox.PendingCount(forwarder.Targets[0]));
            forwarder.Start();
            Assert.Equal(0, forwarder.EnqueueRange(first));
            Assert.Equal(300, forwarder.Counters.Duplicates);
            forwarder.EnqueueRange(second);
            Assert.True(await forwarder.DrainAsync(TimeSpan.FromSeconds(30)));
        }
        AssertOnceEachInOrder(hub, [.. first, .. second]);
    }

    [Fact]
    public async Task Forwarder_TokenRejected401_CountedThenDeliveredWhenAccepted()
    {
        using var hub = new TestEventHubEndpoint { RejectTokens = true };
        var alerts = Enumerable.Range(1, 200).Select(i => TestAlerts.Make(i)).ToList();
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("outbox.db"));
        await using var forwarder = new AlertForwarder(outbox, [Sender(hub)], Fast);
        forwarder.Start();
        forwarder.EnqueueRange(alerts);
        var counters = forwarder.Counters.Targets.Single();
        await WaitUntil(() => counters.Failed >= 2, TimeSpan.FromSeconds(20));
        Assert.Contains("UnauthorizedAccess", counters.LastError, StringComparison.Ordinal);
        Assert.Equal(0, counters.Sent);
        Assert.Equal(0, hub.Count);
        Assert.True(hub.TokensRejected >= 1);

        hub.RejectTokens = false; // the key was fixed
        Assert.True(await forwarder.DrainAsync(TimeSpan.FromSeconds(30)), counters.ToString());
        AssertOnceEachInOrder(hub, alerts);
        Assert.Equal(0, counters.DeadLettered);
    }

    [Fact]
    public async Task Enqueue_OutboxFullAndHubDown_NeverBlocksOverflowCounted()
    {
        using var hub = new TestEventHubEndpoint();
        hub.Stop();
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("outbox.db"), new OutboxOptions { MaxPending = 500 });
        await using var forwarder = new AlertForwarder(outbox, [Sender(hub)], Fast);
        forwarder.Start();
        var slowest = TimeSpan.Zero;
        var total = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 1; i <= 3000; i++)
        {
            var one = System.Diagnostics.Stopwatch.StartNew();
            forwarder.Enqueue(TestAlerts.Make(i));
            if (one.Elapsed > slowest) slowest = one.Elapsed;
        }
        total.Stop();
        var c = forwarder.Counters;
        Assert.Equal(3000 + c.OutboxFullAlerts, c.Queued + c.RefusedOnOverflow);
        Assert.Equal(1, c.OutboxFullAlerts); // one episode: the link never came back
        Assert.True(c.DroppedOnOverflow > 0 && c.RefusedOnOverflow > 0, $"dropped {c.DroppedOnOverflow}, refused {c.RefusedOnOverflow}");
        Assert.True(outbox.PendingCount(forwarder.Targets[0]) <= 501); // the bound, and the outbox's own alert past it
        // The most severe survive: every waiting alert is Critical once the outbox filled with lesser ones.
        Assert.All(outbox.Pending(forwarder.Targets[0], 501).Skip(100).Where(e => e.Alert.Type != OutboxFullAlert.Type), e => Assert.Equal("Critical", e.Alert.Severity));
        Assert.True(slowest < TimeSpan.FromSeconds(1), $"one enqueue took {slowest}");
        Assert.True(total.Elapsed < TimeSpan.FromSeconds(20), $"3000 enqueues took {total.Elapsed}");
    }

    internal static async Task WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var end = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < end, "condition not met in time");
            await Task.Delay(20);
        }
    }
}
