using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OtSensor.Outputs.Forwarding.EventHubs;

namespace OtSensor.Outputs.Forwarding;

/// <summary>
/// Reads a run's <c>devices.json</c> and <c>events.jsonl</c> into device-change and event records (configuration
/// <c>records.deviceChanges</c>, <c>records.events</c>).
/// </summary>
/// <remarks>
/// <para>Device-change records: one per device, keyed by the device's identity (first MAC address, else first IP
/// address: run-local ids are not stable), revision = SHA-256 of the fields that describe the device (name, type,
/// vendor, OS, firmware, addresses, protocols and roles, Purdue level, flags), not its counters or times. The outbox's
/// message ids make a device go out again only when that fingerprint changed, as <c>Changed</c>; the first time as
/// <c>Added</c>.</para>
/// <para>Event records: one per line, keyed by time, flow, frame and position within the frame, so the same run offered
/// again sends nothing twice.</para>
/// </remarks>
public static class InventoryRecordsReader
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] FingerprintFields =
        ["name", "type", "vendor", "operatingSystem", "firmware", "ipAddresses", "macAddresses", "purdueLevel", "authorized",
         "scanner", "engineeringStation", "programmingDevice", "internet", "hasDynamicAddress"];

    /// <exception cref="FormatException">Not a devices.json array.</exception>
    public static IReadOnlyList<OutboundAlert> ReadDevices(Stream devicesJson, string sensor, DateTimeOffset time)
    {
        using var document = Parse(devicesJson);
        if (document.RootElement.ValueKind != JsonValueKind.Array) throw new FormatException("devices.json must hold an array of devices");
        var records = new List<OutboundAlert>();
        foreach (var d in document.RootElement.EnumerateArray())
        {
            if (d.ValueKind != JsonValueKind.Object) throw new FormatException("devices.json: a device is not an object");
            var macs = Strings(d, "macAddresses");
            var ips = Strings(d, "ipAddresses");
            var identity = macs.Count > 0 ? macs[0] : ips.Count > 0 ? ips[0] : "device-" + Number(d, "id");
            var protocols = new List<string>();
            if (d.TryGetProperty("protocols", out var ps) && ps.ValueKind == JsonValueKind.Array)
                foreach (var p in ps.EnumerateArray())
                    if (Text(p, "protocol") is { } protocol && !protocols.Contains(protocol)) protocols.Add(protocol);
            var fingerprint = Fingerprint(d);
            var name = Text(d, "name") ?? identity;
            var buffer = new ArrayBufferWriter<byte>(1024);
            using (var w = new Utf8JsonWriter(buffer, Options))
            {
                w.WriteStartObject();
                w.WriteString("RecordType", DeviceChangeRecord.RecordType);
                w.WriteString("TimeGenerated", SecurityAlertRecord.Iso(time));
                w.WriteString("SensorId", sensor);
                w.WriteString("DeviceKey", identity);
                w.WriteString("Name", name);
                w.WriteString("DeviceType", Text(d, "type") ?? "");
                w.WriteString("Vendor", Text(d, "vendor") ?? "");
                w.WriteString("OperatingSystem", Text(d, "operatingSystem") ?? "");
                w.WriteString("Firmware", d.TryGetProperty("firmware", out var fw) && fw.ValueKind != JsonValueKind.Null ? Compact(fw) : "");
                w.WriteString("PurdueLevel", d.TryGetProperty("purdueLevel", out var pl) && pl.ValueKind != JsonValueKind.Null ? pl.ToString() : "");
                WriteArray(w, "IpAddresses", ips);
                WriteArray(w, "MacAddresses", macs);
                WriteArray(w, "Protocols", protocols);
                w.WriteBoolean("Authorized", Flag(d, "authorized"));
                w.WriteBoolean("Scanner", Flag(d, "scanner"));
                w.WriteBoolean("EngineeringStation", Flag(d, "engineeringStation"));
                w.WriteBoolean("ProgrammingDevice", Flag(d, "programmingDevice"));
                w.WriteBoolean("Internet", Flag(d, "internet"));
                w.WriteString("FirstSeen", Text(d, "firstDetectionTime") ?? "");
                w.WriteString("LastSeen", Text(d, "lastActivityTime") ?? "");
                w.WriteString("Fingerprint", fingerprint);
                w.WriteEndObject();
            }
            records.Add(new OutboundAlert
            {
                Kind = RecordKind.DeviceChange,
                Sensor = sensor,
                AlertId = 0,
                Type = "device-change",
                Title = name,
                Message = "",
                Severity = "Warning",
                Engine = "Operational",
                SourceAddress = ips.Count > 0 ? ips[0] : identity,
                FirstDetection = time,
                LastDetection = time,
                Body = Encoding.UTF8.GetString(buffer.WrittenSpan),
                RecordKey = $"{sensor}:device:{identity}",
                Revision = fingerprint,
            });
        }
        return records;
    }

    /// <exception cref="FormatException">A line is not a JSON object (the message gives the line number).</exception>
    public static IReadOnlyList<OutboundAlert> ReadEvents(TextReader eventsJsonl, string sensor)
    {
        ArgumentNullException.ThrowIfNull(eventsJsonl);
        var perFrame = new Dictionary<string, int>(StringComparer.Ordinal);
        var records = new List<OutboundAlert>();
        int lineNumber = 0;
        string? line;
        while ((line = eventsJsonl.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                throw new FormatException($"events.jsonl line {lineNumber}: not JSON: {e.Message}", e);
            }
            using (document)
            {
                var e = document.RootElement;
                if (e.ValueKind != JsonValueKind.Object) throw new FormatException($"events.jsonl line {lineNumber}: not an object");
                var ts = Text(e, "ts") is { } t ? DateTimeOffset.Parse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal) : throw new FormatException($"events.jsonl line {lineNumber}: no ts");
                var src = Text(e, "src");
                // One frame can carry several events (pipelined PDUs): the n-th of a frame gets :n, the same on every read.
                var key = string.Create(CultureInfo.InvariantCulture, $"{sensor}:event:{ts.UtcTicks}:{Number(e, "flowId")}:{Number(e, "frame")}");
                int nth = perFrame.TryGetValue(key, out int seen) ? seen + 1 : 0;
                perFrame[key] = nth;
                if (nth > 0) key = string.Create(CultureInfo.InvariantCulture, $"{key}:{nth}");
                var buffer = new ArrayBufferWriter<byte>(512);
                using (var w = new Utf8JsonWriter(buffer, Options))
                {
                    w.WriteStartObject();
                    w.WriteString("RecordType", ProtocolEventRecord.RecordType);
                    w.WriteString("TimeGenerated", SecurityAlertRecord.Iso(ts));
                    w.WriteString("SensorId", sensor);
                    w.WriteString("EventId", key);
                    w.WriteString("Protocol", Text(e, "protocol") ?? "");
                    w.WriteString("SourceAddress", src ?? "");
                    w.WriteString("DestinationAddress", Text(e, "dst") ?? "");
                    w.WriteString("SourcePort", Number(e, "srcPort"));
                    w.WriteString("DestinationPort", Number(e, "dstPort"));
                    w.WriteString("Function", Number(e, "function"));
                    w.WriteString("FunctionName", Text(e, "functionName") ?? "");
                    w.WriteString("Operation", Text(e, "operation") ?? "");
                    w.WriteString("Direction", Text(e, "direction") ?? "");
                    var anomalies = new List<string>();
                    if (e.TryGetProperty("anomalies", out var a) && a.ValueKind == JsonValueKind.Array)
                        foreach (var x in a.EnumerateArray()) anomalies.Add(x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetRawText());
                    WriteArray(w, "Anomalies", anomalies);
                    w.WriteString("Details", line);
                    w.WriteEndObject();
                }
                records.Add(new OutboundAlert
                {
                    Kind = RecordKind.Event,
                    Sensor = sensor,
                    AlertId = 0,
                    Type = "event",
                    Title = Text(e, "functionName") ?? "event",
                    Message = "",
                    Severity = "Warning",
                    Engine = "Operational",
                    Protocol = Text(e, "protocol"),
                    SourceAddress = src,
                    DestinationAddress = Text(e, "dst"),
                    FirstDetection = ts,
                    LastDetection = ts,
                    Body = Encoding.UTF8.GetString(buffer.WrittenSpan),
                    RecordKey = key,
                    Revision = "1",
                });
            }
        }
        return records;
    }

    private static JsonDocument Parse(Stream stream)
    {
        try
        {
            return JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not JSON: {e.Message}", e);
        }
    }

    private static string Fingerprint(JsonElement device)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var field in FingerprintFields)
            {
                if (device.TryGetProperty(field, out var v)) v.WriteTo(w);
                else w.WriteNullValue();
            }
            if (device.TryGetProperty("protocols", out var ps) && ps.ValueKind == JsonValueKind.Array)
                foreach (var p in ps.EnumerateArray())
                {
                    w.WriteStringValue(Text(p, "protocol"));
                    if (p.TryGetProperty("roles", out var roles)) roles.WriteTo(w);
                }
            w.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan))[..32];
    }

    /// <summary>An element as compact JSON text (the file's indentation is not part of the value).</summary>
    private static string Compact(JsonElement e)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var w = new Utf8JsonWriter(buffer, Options)) e.WriteTo(w);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteArray(Utf8JsonWriter w, string name, List<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static List<string> Strings(JsonElement e, string name)
    {
        var list = new List<string>();
        if (e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array)
            foreach (var v in a.EnumerateArray())
                if (v.ValueKind == JsonValueKind.String) list.Add(v.GetString()!);
        return list;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : "";

    private static bool Flag(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
