namespace OtSensor.Outputs.Forwarding.Outbox;

/// <summary>One alert waiting in the outbox for one target, oldest first by <see cref="Sequence"/>.</summary>
/// <param name="Sequence">Insertion order: the send order.</param>
/// <param name="Alert">The record to send.</param>
/// <param name="IsNew">True for the first revision of an alert the outbox has seen (<c>ExtendedProperties.isNew</c>).</param>
/// <param name="Attempts">Failed attempts so far for this target.</param>
public sealed record OutboxEntry(long Sequence, OutboundAlert Alert, bool IsNew, int Attempts)
{
    public string MessageId => Alert.MessageId;
    public string PartitionKey => Alert.PartitionKey;
}
