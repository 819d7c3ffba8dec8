using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Producer;

namespace OtSensor.Forwarding.Tests;

public sealed class EventHubsSmokeTests
{
    [Fact]
    public async Task Producer_SendsBatchToTestEndpoint_EventsArrive()
    {
        using var hub = new TestEventHubEndpoint();
        await using var client = new EventHubProducerClient(hub.ConnectionString, new EventHubProducerClientOptions { RetryOptions = new EventHubsRetryOptions { TryTimeout = TimeSpan.FromSeconds(5), MaximumRetries = 1 } });
        using var batch = await client.CreateBatchAsync(new CreateBatchOptions { PartitionKey = "k" });
        Assert.True(batch.TryAdd(new EventData("a"u8.ToArray()) { MessageId = "1" }));
        Assert.True(batch.TryAdd(new EventData("b"u8.ToArray()) { MessageId = "2" }));
        await client.SendAsync(batch);
        Assert.Equal(["1", "2"], hub.Events.Select(e => e.MessageId));
        Assert.All(hub.Events, e => Assert.Equal("k", e.PartitionKey));
    }
}
