using System.Text.Encodings.Web;
using System.Text.Json;
using OtSensor.Analysis.Inventory;
using OtSensor.Core.Protocols;

namespace OtSensor.Outputs.Files;

/// <summary>
/// Writes <c>devices.json</c> and <c>connections.json</c>. Field names follow the sensor REST API's device and
/// connection objects (sensor-reference §9.1: <c>id</c>, <c>ipAddresses</c>, <c>macAddresses</c>, <c>protocols</c>,
/// <c>firstDeviceId</c>, <c>ports</c>, epoch-millisecond times), plus our traffic counters and identity evidence.
/// </summary>
public static class InventoryJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteDevices(Stream stream, DeviceInventory inventory)
    {
        using var w = new Utf8JsonWriter(stream, Options);
        w.WriteStartArray();
        foreach (var device in inventory.Devices) WriteDevice(w, device);
        w.WriteEndArray();
    }

    public static void WriteConnections(Stream stream, DeviceInventory inventory)
    {
        using var w = new Utf8JsonWriter(stream, Options);
        w.WriteStartArray();
        foreach (var c in inventory.Connections)
        {
            w.WriteStartObject();
            w.WriteNumber("firstDeviceId", c.First.Id);
            w.WriteNumber("secondDeviceId", c.Second.Id);
            w.WriteString("firstAddress", PrimaryAddress(c.First));
            w.WriteString("secondAddress", PrimaryAddress(c.Second));
            w.WriteNumber("discovered", c.Discovered.UnixMilliseconds);
            w.WriteNumber("lastSeen", c.LastSeen.UnixMilliseconds);
            w.WriteStartArray("ports");
            foreach (var port in c.Ports) w.WriteNumberValue(port);
            w.WriteEndArray();
            w.WriteStartArray("protocols");
            foreach (var (protocol, commands) in c.Protocols)
            {
                w.WriteStartObject();
                w.WriteString("name", ProtocolNames.Get(protocol));
                w.WriteStartArray("commands");
                foreach (var command in commands) w.WriteStringValue(command);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("flows", c.Flows);
            w.WriteNumber("packets", c.Packets);
            w.WriteNumber("bytes", c.Bytes);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The IP address, or for a layer-2-only device its MAC.</summary>
    private static string PrimaryAddress(Device d)
        => d.HasAddress || d.Macs.Count == 0 ? d.Address.ToString() : d.Macs[0].ToString();

    private static void WriteDevice(Utf8JsonWriter w, Device d)
    {
        var identity = d.Identity;
        w.WriteStartObject();
        w.WriteNumber("id", d.Id);
        w.WriteString("name", identity.Name?.Value ?? PrimaryAddress(d));
        w.WriteStartArray("ipAddresses");
        if (d.HasAddress) w.WriteStringValue(d.Address.ToString());
        w.WriteEndArray();
        w.WriteStartArray("macAddresses");
        foreach (var mac in d.Macs) w.WriteStringValue(mac.ToString());
        w.WriteEndArray();
        WriteNullable(w, "vendor", identity.Vendor?.Value);
        w.WriteNull("operatingSystem");
        w.WriteString("type", "Unknown");
        w.WriteBoolean("internet", d.IsInternet);
        w.WriteStartArray("protocols");
        for (int p = 0; p < 64; p++)
        {
            bool client = (d.ClientProtocols & (1UL << p)) != 0, server = (d.ServerProtocols & (1UL << p)) != 0;
            if (!client && !server) continue;
            var protocol = (ProtocolId)p;
            w.WriteStartObject();
            w.WriteString("id", ProtocolNames.Get(protocol));
            w.WriteString("name", ProtocolDisplayNames.Get(protocol));
            w.WriteStartArray("roles");
            if (client) w.WriteStringValue(ProtocolDisplayNames.Role(protocol, server: false));
            if (server) w.WriteStringValue(ProtocolDisplayNames.Role(protocol, server: true));
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("firmware");
        if (identity.Model is not null || identity.Firmware is not null || identity.ProductCode is not null)
        {
            w.WriteStartObject();
            w.WriteString("address", PrimaryAddress(d));
            w.WriteString("model", identity.Model?.Value ?? identity.ProductCode?.Value ?? "N/A");
            w.WriteString("firmwareVersion", identity.Firmware?.Value ?? "N/A");
            w.WriteString("serial", identity.Serial?.Value ?? "N/A");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("firstSeen", d.FirstSeen.UnixMilliseconds);
        w.WriteNumber("lastSeen", d.LastSeen.UnixMilliseconds);
        w.WriteNumber("packetsSent", d.PacketsSent);
        w.WriteNumber("packetsReceived", d.PacketsReceived);
        w.WriteNumber("bytesSent", d.BytesSent);
        w.WriteNumber("bytesReceived", d.BytesReceived);
        w.WriteStartObject("evidence");
        WriteEvidence(w, "vendor", identity.Vendor);
        WriteEvidence(w, "productCode", identity.ProductCode);
        WriteEvidence(w, "model", identity.Model);
        WriteEvidence(w, "firmware", identity.Firmware);
        WriteEvidence(w, "name", identity.Name);
        WriteEvidence(w, "serial", identity.Serial);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteEvidence(Utf8JsonWriter w, string name, IdentityAttribute? attribute)
    {
        if (attribute is null) return;
        w.WriteStartObject(name);
        w.WriteString("value", attribute.Value);
        w.WriteString("source", attribute.Source);
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
