using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using OtSensor.Outputs.Forwarding.Outbox;

namespace OtSensor.Outputs.Forwarding.EventHubs;

/// <summary>
/// The Event Hubs body of a device-change record (<c>device-change.schema.json</c>): the record built by
/// <see cref="InventoryRecordsReader"/> with <c>ChangeType</c> added when sent: <c>Added</c> for the first revision of a
/// device the outbox has seen, <c>Changed</c> for a later one.
/// </summary>
public static class DeviceChangeRecord
{
    /// <summary>Event property <c>Type</c> and the record's <c>RecordType</c>.</summary>
    public const string RecordType = "OtSensorDeviceChange";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, Options))
        using (var body = JsonDocument.Parse(entry.Alert.Body ?? "{}"))
        {
            w.WriteStartObject();
            foreach (var p in body.RootElement.EnumerateObject())
            {
                p.WriteTo(w);
                if (p.NameEquals("SensorId")) w.WriteString("ChangeType", entry.IsNew ? "Added" : "Changed");
            }
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
