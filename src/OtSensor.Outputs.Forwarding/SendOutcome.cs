namespace OtSensor.Outputs.Forwarding;

/// <summary>What a target did with a run of outbox entries.</summary>
public sealed class SendOutcome
{
    /// <summary>Entries the target accepted.</summary>
    public List<long> Accepted { get; } = [];

    /// <summary>Entries that can never be sent as they are (e.g. larger than the hub's message limit), with the reason.</summary>
    public List<(long Sequence, string Reason)> Rejected { get; } = [];

    /// <summary>Why sending stopped early; null when every entry was accepted or rejected.</summary>
    public Exception? Error { get; set; }

    /// <summary>The failure is of the link (down, refused, timed out, unauthorised): retry without limit; otherwise the
    /// head entry's attempt count goes up and it is dead-lettered at the limit.</summary>
    public bool Transient { get; set; }
}
