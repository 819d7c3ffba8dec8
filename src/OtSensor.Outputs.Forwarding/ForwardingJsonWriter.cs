using System.Text.Json;

namespace OtSensor.Outputs.Forwarding;

/// <summary>Writes <c>forwarding.json</c>: the outbox and per-target counters after a run (secrets never included:
/// target names are the senders' display names).</summary>
public static class ForwardingJsonWriter
{
    /// <param name="operationalAlerts">The outbox's own alerts raised during the run (<see cref="Outbox.OutboxFullAlert"/>).</param>
    public static void Write(Stream stream, ForwardingCounters counters, string outboxPath, IReadOnlyList<OutboundAlert>? operationalAlerts = null)
    {
        ArgumentNullException.ThrowIfNull(counters);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("outbox", outboxPath);
        w.WriteNumber("queued", counters.Queued);
        w.WriteNumber("duplicates", counters.Duplicates);
        w.WriteNumber("filtered", counters.Filtered);
        w.WriteNumber("droppedOnOverflow", counters.DroppedOnOverflow);
        w.WriteNumber("refusedOnOverflow", counters.RefusedOnOverflow);
        w.WriteNumber("outboxFullAlerts", counters.OutboxFullAlerts);
        w.WriteNumber("pruned", counters.Pruned);
        w.WriteStartArray("targets");
        foreach (var t in counters.Targets)
        {
            w.WriteStartObject();
            w.WriteString("target", t.Target);
            w.WriteNumber("sent", t.Sent);
            w.WriteNumber("pending", t.Pending);
            w.WriteNumber("failed", t.Failed);
            w.WriteNumber("retried", t.Retried);
            w.WriteNumber("deadLettered", t.DeadLettered);
            if (t.LastError is null) w.WriteNull("lastError"); else w.WriteString("lastError", t.LastError);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("operationalAlerts");
        foreach (var a in operationalAlerts ?? [])
        {
            w.WriteStartObject();
            w.WriteString("type", a.Type);
            w.WriteString("title", a.Title);
            w.WriteString("severity", a.Severity);
            w.WriteString("engine", a.Engine);
            w.WriteString("time", EventHubs.SecurityAlertRecord.Iso(a.FirstDetection));
            w.WriteString("message", a.Message);
            w.WriteString("messageId", a.MessageId);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
