using System.Text.Json;
using OtSensor.Outputs.Store;

namespace OtSensor.Server;

/// <summary>
/// The JSON objects of the API: the sensor's device, connection, alert and event objects (sensor-reference §9.1, §9.2,
/// exact field names, epoch-millisecond times) and the console's additions to them (docs: src/OtSensor.Server/README.md).
/// </summary>
internal static class ApiObjects
{
    /// <summary>§9.1 device; with <paramref name="console"/> also purdueLevel, subnet, firstSeen, lastSeen, packets, bytes, model, firmwareVersion.</summary>
    public static void Device(Utf8JsonWriter w, DeviceRecord d, bool console, bool evidence = false)
    {
        w.WriteStartObject();
        w.WriteNumber("id", d.Id);
        HttpJson.WriteStrings(w, "ipAddresses", d.IpAddresses);
        w.WriteString("name", d.Name);
        HttpJson.WriteNullable(w, "vendor", d.Vendor);
        HttpJson.WriteNullable(w, "operatingSystem", d.OperatingSystem);
        HttpJson.WriteStrings(w, "macAddresses", d.MacAddresses);
        w.WriteString("type", d.Type);
        w.WriteBoolean("engineeringStation", d.EngineeringStation);
        w.WriteBoolean("authorized", d.Authorized);
        w.WriteBoolean("scanner", d.Scanner);
        w.WriteStartArray("protocols");
        foreach (var p in d.Protocols)
        {
            w.WriteStartObject();
            w.WriteNumber("id", p.Id);
            w.WriteString("name", p.Name);
            HttpJson.WriteStrings(w, "addresses", p.Addresses);
            if (console)
            {
                w.WriteString("protocol", p.Protocol);
                HttpJson.WriteStrings(w, "roles", p.Roles);
                w.WriteString("source", p.Source);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("firmware");
        foreach (var f in d.Firmware)
        {
            w.WriteStartObject();
            w.WriteString("address", f.Address);
            w.WriteString("moduleAddress", f.ModuleAddress);
            w.WriteString("serial", f.Serial);
            w.WriteString("model", f.Model);
            w.WriteString("firmwareVersion", f.FirmwareVersion);
            w.WriteString("additionalData", f.AdditionalData);
            w.WriteString("rack", f.Rack);
            w.WriteString("slot", f.Slot);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteBoolean("hasDynamicAddress", d.HasDynamicAddress);
        if (console)
        {
            HttpJson.WriteNullable(w, "purdueLevel", d.PurdueLevel);
            HttpJson.WriteNullable(w, "subnet", d.Subnet);
            HttpJson.WriteNullable(w, "subnetName", d.SubnetName);
            w.WriteNumber("firstSeen", d.FirstSeen);
            w.WriteNumber("lastSeen", d.LastSeen);
            w.WriteNumber("packets", d.Packets);
            w.WriteNumber("bytes", d.Bytes);
            HttpJson.WriteNullable(w, "model", d.Model);
            HttpJson.WriteNullable(w, "firmwareVersion", d.FirmwareVersion);
            w.WriteBoolean("programmingDevice", d.ProgrammingDevice);
            w.WriteBoolean("internet", d.Internet);
        }
        if (evidence)
        {
            w.WriteStartArray("evidence");
            foreach (var e in d.Evidence)
            {
                w.WriteStartObject();
                w.WriteString("attribute", e.Attribute);
                w.WriteString("value", e.Value);
                w.WriteString("source", e.Source);
                HttpJson.WriteNullable(w, "detail", e.Detail);
                w.WriteNumber("confidence", e.Confidence);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>§9.1 connection plus packets and bytes.</summary>
    /// <param name="console">The console's form: protocol display names (<see cref="ProtocolLabels"/>), not the short ones.</param>
    public static void Connection(Utf8JsonWriter w, ConnectionRecord c, bool console = false)
    {
        w.WriteStartObject();
        w.WriteNumber("firstDeviceId", c.FirstDeviceId);
        w.WriteNumber("secondDeviceId", c.SecondDeviceId);
        w.WriteNumber("lastSeen", c.LastSeen);
        w.WriteNumber("discovered", c.Discovered);
        w.WriteStartArray("ports");
        foreach (var p in c.Ports) w.WriteNumberValue(p);
        w.WriteEndArray();
        w.WriteStartArray("protocols");
        foreach (var p in c.Protocols)
        {
            w.WriteStartObject();
            w.WriteString("name", console ? ProtocolLabels.Display(p.Name) : p.Name);
            HttpJson.WriteStrings(w, "commands", p.Commands);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("packets", c.Packets);
        w.WriteNumber("bytes", c.Bytes);
        w.WriteEndObject();
    }

    /// <summary>§9.2 alert (v1, or v2 with addresses and remediation); the console adds triage fields.</summary>
    public static void Alert(Utf8JsonWriter w, AlertRecord a, bool v2, bool console)
    {
        w.WriteStartObject();
        w.WriteNumber("id", a.Id);
        w.WriteNumber("time", a.Time);
        w.WriteString("title", a.Title);
        w.WriteString("message", a.Message);
        w.WriteString("severity", a.Severity);
        w.WriteString("engine", a.Engine);
        HttpJson.WriteNullable(w, "sourceDevice", a.SourceDevice);
        HttpJson.WriteNullable(w, "destinationDevice", a.DestinationDevice);
        if (v2)
        {
            HttpJson.WriteNullable(w, "sourceDeviceAddress", a.SourceDeviceAddress);
            HttpJson.WriteNullable(w, "destinationDeviceAddress", a.DestinationDeviceAddress);
            HttpJson.WriteStrings(w, "remediationSteps", a.RemediationSteps);
        }
        if (a.Description is null && a.Information.Count == 0) w.WriteNull("additionalInformation");
        else
        {
            w.WriteStartObject("additionalInformation");
            w.WriteString("description", a.Description ?? "");
            HttpJson.WriteStrings(w, "information", a.Information);
            w.WriteEndObject();
        }
        w.WriteBoolean("handled", a.Handled);
        if (console)
        {
            w.WriteString("uuid", a.Uuid);
            w.WriteString("status", a.Status);
            w.WriteNumber("count", a.Count);
            w.WriteNumber("firstSeen", a.Time);
            w.WriteNumber("lastSeen", a.LastTime);
            HttpJson.WriteNullable(w, "protocol", a.Protocol is null ? null : ProtocolLabels.Display(a.Protocol));
            w.WriteBoolean("hasPcap", a.PcapPath is not null);
            w.WriteString("type", a.Type);
            w.WriteString("category", a.Category);
            w.WriteBoolean("learned", a.Learned);
            w.WriteStartArray("mitre");
            foreach (var m in a.Mitre)
            {
                w.WriteStartObject();
                w.WriteString("id", m.Id);
                w.WriteString("name", m.Name);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>§9.2 event; the console adds its id and addresses.</summary>
    public static void Event(Utf8JsonWriter w, EventRecord e, bool console)
    {
        w.WriteStartObject();
        if (console) w.WriteNumber("id", e.Id);
        w.WriteNumber("timestamp", e.Timestamp);
        w.WriteString("type", e.Type);
        w.WriteString("title", e.Title);
        w.WriteString("severity", e.Severity);
        HttpJson.WriteNullable(w, "owner", e.Owner);
        w.WriteString("content", e.Content);
        if (console)
        {
            HttpJson.WriteNullable(w, "sourceDeviceAddress", e.SourceAddress);
            HttpJson.WriteNullable(w, "destinationDeviceAddress", e.DestinationAddress);
            HttpJson.WriteNullable(w, "alertId", e.AlertId);
        }
        w.WriteEndObject();
    }

    public static void Capture(Utf8JsonWriter w, CaptureRecord c)
    {
        w.WriteStartObject();
        w.WriteNumber("id", c.Id);
        w.WriteString("name", c.Name);
        w.WriteNumber("size", c.Size);
        w.WriteNumber("uploaded", c.Uploaded);
        w.WriteString("state", c.State);
        w.WriteNumber("packets", c.Packets);
        HttpJson.WriteNullable(w, "error", c.Error);
        w.WriteEndObject();
    }

    public static void Report(Utf8JsonWriter w, ReportRecord r)
    {
        w.WriteStartObject();
        w.WriteNumber("id", r.Id);
        w.WriteNumber("created", r.Created);
        w.WriteString("state", r.State);
        w.WriteString("site", r.Site);
        HttpJson.WriteNullable(w, "error", r.Error);
        w.WriteEndObject();
    }

    public static void Paged<T>(Utf8JsonWriter w, PagedResult<T> page, Action<Utf8JsonWriter, T> item)
    {
        w.WriteStartObject();
        w.WriteNumber("total", page.Total);
        w.WriteStartArray("items");
        foreach (var i in page.Items) item(w, i);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
