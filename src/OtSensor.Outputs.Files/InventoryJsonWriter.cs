using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using OtSensor.Analysis.Inventory;
using OtSensor.Analysis.Inventory.Rules;
using OtSensor.Core.Protocols;

namespace OtSensor.Outputs.Files;

/// <summary>
/// Writes <c>devices.json</c> and <c>connections.json</c>. Field names follow the sensor REST API's device and
/// connection objects (sensor-reference §9.1: <c>id</c>, <c>ipAddresses</c>, <c>name</c>, <c>vendor</c>,
/// <c>operatingSystem</c>, <c>macAddresses</c>, <c>type</c>, <c>engineeringStation</c>, <c>authorized</c>, <c>scanner</c>,
/// <c>protocols[{id, name, addresses}]</c>, <c>firmware[{address, moduleAddress, serial, model, firmwareVersion,
/// additionalData, rack, slot}]</c>, <c>hasDynamicAddress</c>; connections <c>firstDeviceId</c>, <c>secondDeviceId</c>,
/// <c>lastSeen</c>, <c>discovered</c>, <c>ports</c>, <c>protocols[{name, commands}]</c>, epoch-millisecond times), plus
/// ours: on devices <c>purdueLevel</c>, <c>subnet</c>, <c>subnetName</c>, <c>programmingDevice</c>, <c>internet</c>,
/// first/last activity, traffic counters, per-protocol roles with the evidence source, and <c>evidence</c> (per
/// attribute: value, source, detail, confidence); on connections <c>firstSubnet</c>, <c>secondSubnet</c>,
/// <c>crossSubnet</c>, <c>firstPurdueLevel</c>, <c>secondPurdueLevel</c> and <c>purdueLevelGap</c>.
/// </summary>
/// <remarks>
/// Without a learned baseline every device seen is reported <c>authorized</c> (the sensor authorises what it sees while
/// learning, §2.1); <c>scanner</c> and <c>hasDynamicAddress</c> are false until scan detection and DHCP exist.
/// </remarks>
public static class InventoryJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Devices, each with its subnet from <paramref name="subnets"/> (learned /24s and /64s when null).</summary>
    public static void WriteDevices(Stream stream, DeviceInventory inventory, SubnetPlan? subnets = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        subnets ??= SubnetPlan.LearnedOnly();
        using var w = new Utf8JsonWriter(stream, Options);
        w.WriteStartArray();
        foreach (var device in inventory.Devices) WriteDevice(w, device, subnets.Of(device));
        w.WriteEndArray();
    }

    public static void WriteConnections(Stream stream, DeviceInventory inventory)
        => WriteConnections(stream, SubnetReport.Create(inventory, SubnetPlan.LearnedOnly()));

    /// <summary>Connections with the subnets and Purdue levels of their ends (ours, beside the sensor API's fields).</summary>
    public static void WriteConnections(Stream stream, SubnetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var w = new Utf8JsonWriter(stream, Options);
        w.WriteStartArray();
        foreach (var scope in report.Connections)
        {
            var c = scope.Connection;
            w.WriteStartObject();
            w.WriteNumber("firstDeviceId", c.First.Id);
            w.WriteNumber("secondDeviceId", c.Second.Id);
            w.WriteString("firstAddress", c.First.PrimaryAddress);
            w.WriteString("secondAddress", c.Second.PrimaryAddress);
            WriteNullable(w, "firstSubnet", scope.FirstSubnet?.Cidr);
            WriteNullable(w, "secondSubnet", scope.SecondSubnet?.Cidr);
            w.WriteBoolean("crossSubnet", scope.CrossesSubnets);
            WriteNullableNumber(w, "firstPurdueLevel", scope.FirstLevel);
            WriteNullableNumber(w, "secondPurdueLevel", scope.SecondLevel);
            w.WriteNumber("purdueLevelGap", scope.LevelGap);
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
                w.WriteString("source", EvidenceSources.Decoded);
                w.WriteNumber("confidence", EvidenceConfidence.DecodedProtocol);
                w.WriteEndObject();
            }
            foreach (var label in c.PortLabels)
            {
                if (IsDecoded(c, label)) continue;
                w.WriteStartObject();
                w.WriteString("name", label.Label);
                w.WriteStartArray("commands");
                w.WriteEndArray();
                w.WriteString("source", EvidenceSources.Port);
                w.WriteNumber("confidence", EvidenceConfidence.Port);
                w.WriteString("description", label.Description);
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


    private static void WriteDevice(Utf8JsonWriter w, Device d, Subnet? subnet)
    {
        var e = d.Evidence;
        w.WriteStartObject();
        w.WriteNumber("id", d.Id);
        w.WriteStartArray("ipAddresses");
        foreach (var address in d.Addresses) w.WriteStringValue(address.ToString());
        w.WriteEndArray();
        WriteNullable(w, "subnet", subnet?.Cidr);
        WriteNullable(w, "subnetName", subnet?.Name);
        w.WriteString("name", DeviceApiFields.Name(d));
        WriteNullable(w, "vendor", e.Value(DeviceAttribute.Vendor));
        WriteNullable(w, "operatingSystem", e.Value(DeviceAttribute.OperatingSystem));
        w.WriteStartArray("macAddresses");
        foreach (var mac in d.Macs) w.WriteStringValue(mac.ToString());
        w.WriteEndArray();
        w.WriteString("type", DeviceApiFields.Type(d));
        w.WriteBoolean("engineeringStation", DeviceApiFields.EngineeringStation(d));
        w.WriteBoolean("authorized", true);
        w.WriteBoolean("scanner", false);
        WriteProtocols(w, d);
        WriteFirmware(w, d);
        w.WriteBoolean("hasDynamicAddress", false);

        if (d.PurdueLevel is int level) w.WriteNumber("purdueLevel", level);
        else w.WriteNull("purdueLevel");
        w.WriteBoolean("programmingDevice", d.IsProgrammingDevice);
        w.WriteBoolean("internet", d.IsInternet);
        w.WriteNumber("firstDetectionTime", d.FirstSeen.UnixMilliseconds);
        w.WriteNumber("lastActivityTime", d.LastSeen.UnixMilliseconds);
        w.WriteNumber("packetsSent", d.PacketsSent);
        w.WriteNumber("packetsReceived", d.PacketsReceived);
        w.WriteNumber("bytesSent", d.BytesSent);
        w.WriteNumber("bytesReceived", d.BytesReceived);
        w.WriteStartObject("evidence");
        foreach (var (attribute, name) in DeviceApiFields.EvidenceAttributes)
        {
            var evidence = e[attribute];
            if (!evidence.HasValue) continue;
            w.WriteStartObject(name);
            w.WriteString("value", evidence.Value);
            w.WriteString("source", evidence.Source);
            WriteNullable(w, "detail", evidence.Detail);
            w.WriteNumber("confidence", evidence.Confidence);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteProtocols(Utf8JsonWriter w, Device d)
    {
        w.WriteStartArray("protocols");
        foreach (var p in DeviceApiFields.Protocols(d))
        {
            w.WriteStartObject();
            w.WriteNumber("id", p.Id);
            w.WriteString("name", p.Name);
            w.WriteString("protocol", p.Protocol);
            w.WriteStartArray("addresses");
            foreach (var address in p.Addresses) w.WriteStringValue(address);
            w.WriteEndArray();
            w.WriteStartArray("roles");
            foreach (var role in p.Roles) w.WriteStringValue(role);
            w.WriteEndArray();
            w.WriteString("source", p.Source);
            w.WriteNumber("confidence", p.Confidence);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteFirmware(Utf8JsonWriter w, Device d)
    {
        w.WriteStartArray("firmware");
        if (DeviceApiFields.Firmware(d) is { } f)
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
    }

    private static bool IsDecoded(Connection c, PortLabel label)
    {
        foreach (var (protocol, _) in c.Protocols)
            if (ProtocolNames.Get(protocol) == label.Protocol) return true;
        return false;
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static void WriteNullableNumber(Utf8JsonWriter w, string name, int? value)
    {
        if (value is int number) w.WriteNumber(name, number);
        else w.WriteNull(name);
    }
}
