using System.Globalization;

namespace OtSensor.Outputs.Forwarding.Outbox;

/// <summary>
/// The sensor's own operational alert when the forwarding outbox reaches its bound: catalogue entry
/// <c>forwarding-outbox-full</c> (last entry of <c>alert-catalogue.json</c>; the forwarding project references no other
/// OtSensor project, so the fields are repeated here and a test holds them equal to the catalogue's).
/// </summary>
/// <remarks>Raised once per episode (the outbox filled; it ends when the waiting records fall below nine tenths of the
/// bound) and queued past the bound itself, so the SOC learns about the loss through the very targets that lag.</remarks>
public static class OutboxFullAlert
{
    public const string Type = "forwarding-outbox-full";
    public const string Title = "Forwarding Outbox Full";
    public const string Engine = "Operational";
    public const string Severity = "Major";
    public const string Category = "Sensor Traffic";
    public const string Technique = "T0815";

    /// <summary>The alert for an episode that started at <paramref name="time"/>.</summary>
    public static OutboundAlert Create(string sensor, DateTimeOffset time, OutboxOptions options, long dropped, long refused)
    {
        ArgumentNullException.ThrowIfNull(options);
        string policy = options.Overflow switch
        {
            OverflowPolicy.DropOldest => "drop-oldest",
            OverflowPolicy.RefuseNewest => "refuse-newest",
            _ => "drop-least-severe",
        };
        return new OutboundAlert
        {
            Sensor = sensor,
            // Ticks: two episodes in one millisecond still get two message ids.
            AlertId = time.UtcTicks,
            Type = Type,
            Title = Title,
            Message = string.Create(CultureInfo.InvariantCulture,
                $"The forwarding outbox of {sensor} holds {options.MaxPending} waiting records, its bound; policy {policy}: {dropped} dropped and {refused} refused so far."),
            Severity = Severity,
            Engine = Engine,
            Category = Category,
            RemediationSteps =
            [
                "Restore the link to the forwarding targets (network, credentials, the receiving service) so the outbox drains.",
                "If outages this long are expected, raise outbox.maxPending in the forwarding configuration.",
            ],
            Techniques = [Technique],
            FirstDetection = time,
            LastDetection = time,
        };
    }
}
