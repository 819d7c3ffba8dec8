using System.Text.Encodings.Web;
using System.Text.Json;
using OtSensor.Analysis.Detection;

namespace OtSensor.Outputs.Files;

/// <summary>
/// Writes <c>timeline.json</c>: the run's events in capture order, with the sensor API's event fields
/// (sensor-reference §9.2 <c>/api/v1/events</c>: <c>timestamp, type, title, severity, owner, content</c>) plus the
/// event's <c>time</c> as text, its device addresses and the <c>alertId</c> it belongs to.
/// </summary>
public static class TimelineJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream stream, Timeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var events = new List<TimelineEvent>(timeline.Events);
        // Stable: events of the same instant keep the order they were raised in.
        var ordered = events.Select((e, i) => (e, i)).OrderBy(x => x.e.Time.UnixNanoseconds).ThenBy(x => x.i).Select(x => x.e);
        using var w = new Utf8JsonWriter(stream, Options);
        w.WriteStartArray();
        foreach (var e in ordered)
        {
            // Hand the bytes to the stream every 64 KiB: left to Dispose, the writer would grow one buffer to the whole file.
            if (w.BytesPending > 1 << 16) w.Flush();
            w.WriteStartObject();
            w.WriteNumber("timestamp", e.Time.UnixMilliseconds);
            w.WriteString("time", e.Time.ToString());
            w.WriteString("type", TimelineEventNames.Type(e.Type));
            w.WriteString("title", TimelineEventNames.Title(e.Type));
            w.WriteString("severity", TimelineEventNames.Severity(e.Type));
            w.WriteNull("owner");
            w.WriteString("content", e.Content);
            if (e.Source.IsNone) w.WriteNull("sourceDeviceAddress"); else w.WriteString("sourceDeviceAddress", e.Source.ToString());
            if (e.Destination.IsNone) w.WriteNull("destinationDeviceAddress"); else w.WriteString("destinationDeviceAddress", e.Destination.ToString());
            if (e.AlertId > 0) w.WriteNumber("alertId", e.AlertId); else w.WriteNull("alertId");
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
