using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OtSensor.Outputs.Forwarding.Outbox;

namespace OtSensor.Outputs.Forwarding.EventHubs;

/// <summary>
/// Shapes an alert as a row of Sentinel's <c>SecurityAlert</c> table, filled the way Defender for IoT fills it
/// (sensor-reference §10.2), so the solution's queries work with our provider name in place of <c>IoTSecurity</c>.
/// The record's JSON schema is <c>security-alert.schema.json</c> in this project.
/// </summary>
/// <remarks>
/// <para>Columns: <c>AlertName</c> (title), <c>AlertSeverity</c> (High/Medium/Low/Informational, §3.2 scale),
/// <c>ProductComponentName</c> (engine, upper snake case: <c>POLICY_VIOLATION</c>), <c>VendorOriginalId</c> (the alert
/// across revisions), <c>StartTime</c>/<c>EndTime</c> (first/last detection), <c>TimeGenerated</c> (this revision: the
/// last detection), <c>RemediationSteps</c> (JSON array as a string, as the solution's rules parse it),
/// <c>Tactics</c> (comma-separated), <c>Techniques</c> (JSON array string), <c>Entities</c> (JSON array string of
/// <c>ip</c>/<c>mac</c>/<c>iotdevice</c> entities) and <c>ExtendedProperties</c> (JSON object string with
/// <c>DeviceId</c>, <c>SensorId</c>, <c>SourceDeviceAddress</c>, <c>DestinationDeviceAddress</c>, <c>Protocol</c>,
/// <c>isNew</c>, ...).</para>
/// <para>Time stamps are ISO 8601 UTC with seven fractional digits (<c>o</c> format).</para>
/// </remarks>
public static class SecurityAlertRecord
{
    public const string ProviderName = "OtSensor";
    public const string VendorName = "OtSensor";
    public const string ProductName = "OtSensor";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The record as UTF-8 JSON.</summary>
    public static byte[] Write(OutboxEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer, Options)) Write(w, entry.Alert, entry.IsNew);
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter w, OutboundAlert a, bool isNew)
    {
        w.WriteStartObject();
        w.WriteString("TimeGenerated", Iso(a.LastDetection));
        w.WriteString("AlertName", a.Title);
        w.WriteString("DisplayName", a.Title);
        w.WriteString("AlertSeverity", a.AzureSeverity);
        w.WriteString("AlertType", "OtSensor_" + a.Type);
        w.WriteString("Description", a.Message);
        w.WriteString("ProviderName", ProviderName);
        w.WriteString("VendorName", VendorName);
        w.WriteString("ProductName", ProductName);
        w.WriteString("ProductComponentName", Component(a.Engine));
        w.WriteString("VendorOriginalId", a.AlertKey);
        w.WriteString("SystemAlertId", StableGuid(a.MessageId));
        w.WriteString("Status", a.Status is "Closed" or "Muted" or "Learned" ? "Resolved" : "New");
        w.WriteString("StartTime", Iso(a.FirstDetection));
        w.WriteString("EndTime", Iso(a.LastDetection));
        w.WriteString("CompromisedEntity", a.DestinationAddress ?? a.SourceAddress ?? a.Sensor);
        w.WriteBoolean("IsIncident", false);
        w.WriteString("RemediationSteps", JsonArray(a.RemediationSteps));
        w.WriteString("Tactics", string.Join(',', MitreIcsTactics.Tactics(a.Techniques)));
        w.WriteString("Techniques", JsonArray(a.Techniques));
        w.WriteString("Entities", Entities(a));
        w.WriteString("ExtendedProperties", ExtendedProperties(a, isNew));
        w.WriteEndObject();
    }

    /// <summary>ISO 8601, UTC, 100 ns precision.</summary>
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Engine as Defender for IoT's <c>ProductComponentName</c>: "Policy Violation" → <c>POLICY_VIOLATION</c>.</summary>
    public static string Component(string engine) => engine.Replace(' ', '_').ToUpperInvariant();

    private static string StableGuid(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return new Guid(hash[..16]).ToString();
    }

    private static string Entities(OutboundAlert a)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartArray();
            int id = 0;
            WriteEndpoint(w, ref id, a.SourceAddress, a.SourceDevice, "Source");
            WriteEndpoint(w, ref id, a.DestinationAddress, a.DestinationDevice, "Destination");
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteEndpoint(Utf8JsonWriter w, ref int id, string? address, int? device, string role)
    {
        if (string.IsNullOrEmpty(address)) return;
        bool isMac = IsMac(address);
        int addressId = ++id;
        w.WriteStartObject();
        w.WriteString("$id", addressId.ToString(CultureInfo.InvariantCulture));
        if (isMac)
        {
            w.WriteString("Type", "mac");
            w.WriteString("Address", address);
        }
        else
        {
            w.WriteString("Type", "ip");
            w.WriteString("Address", address);
        }
        w.WriteString("Role", role);
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("$id", (++id).ToString(CultureInfo.InvariantCulture));
        w.WriteString("Type", "iotdevice");
        if (device is { } d) w.WriteString("DeviceId", d.ToString(CultureInfo.InvariantCulture));
        if (isMac) w.WriteString("MacAddress", address);
        else
        {
            w.WriteStartObject("IpAddress");
            w.WriteString("$ref", addressId.ToString(CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        w.WriteString("Role", role);
        w.WriteEndObject();
    }

    /// <summary><c>aa:bb:cc:dd:ee:ff</c> (an IPv6 address has colons too, but not six groups of two hex digits).</summary>
    public static bool IsMac(string address) =>
        address.Length == 17 && address[2] == ':' && address[5] == ':' && address[8] == ':' && address[11] == ':' && address[14] == ':';

    private static string ExtendedProperties(OutboundAlert a, bool isNew)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("DeviceId", a.Sensor);
            w.WriteString("SensorId", a.Sensor);
            w.WriteString("SourceDeviceAddress", a.SourceAddress ?? "");
            w.WriteString("DestinationDeviceAddress", a.DestinationAddress ?? "");
            w.WriteString("SourceDevice", a.SourceDevice?.ToString(CultureInfo.InvariantCulture) ?? "");
            w.WriteString("DestinationDevice", a.DestinationDevice?.ToString(CultureInfo.InvariantCulture) ?? "");
            w.WriteString("Protocol", a.Protocol ?? "");
            w.WriteString("isNew", isNew ? "True" : "False");
            w.WriteString("AlertType", a.Type);
            w.WriteString("Engine", a.Engine);
            w.WriteString("SensorSeverity", a.Severity);
            w.WriteString("Category", a.Category);
            w.WriteString("Count", a.Count.ToString(CultureInfo.InvariantCulture));
            w.WriteString("AlertId", a.AlertId.ToString(CultureInfo.InvariantCulture));
            w.WriteString("Additional Information", string.Join("; ", a.Information));
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string JsonArray(IReadOnlyList<string> items)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartArray();
            foreach (var item in items) w.WriteStringValue(item);
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
