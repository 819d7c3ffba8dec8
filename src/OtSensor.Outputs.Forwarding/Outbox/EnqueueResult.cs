namespace OtSensor.Outputs.Forwarding.Outbox;

/// <summary>What <see cref="AlertOutbox.Enqueue"/> did with an alert.</summary>
public enum EnqueueResult
{
    Queued,
    /// <summary>The same revision (message id) was queued before: nothing new to send.</summary>
    Duplicate,
    /// <summary>Queued, and to make room the oldest waiting alert of lower severity was dropped.</summary>
    QueuedDroppingOlder,
    /// <summary>The outbox is full of alerts at least as severe: this one was not queued (counted).</summary>
    Refused,
}
