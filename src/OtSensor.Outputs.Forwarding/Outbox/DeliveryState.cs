namespace OtSensor.Outputs.Forwarding.Outbox;

/// <summary>Per-target state of one outbox entry (column <c>deliveries.state</c>).</summary>
public enum DeliveryState
{
    Pending = 0,
    Sent = 1,
    DeadLettered = 2,
    /// <summary>Dropped by the overflow policy before it was sent.</summary>
    Dropped = 3,
}
