using System.Globalization;
using OtSensor.Analysis.Inventory;
using OtSensor.Analysis.Inventory.Rules;
using OtSensor.Core.Protocols;

namespace OtSensor.Outputs.Files;

/// <summary>
/// The sensor API's device fields derived from an inventoried <see cref="Device"/> (sensor-reference §9.1): one mapping
/// shared by <c>devices.json</c> (<see cref="InventoryJsonWriter"/>) and the store behind <c>otsensor serve</c>.
/// </summary>
/// <remarks>Runs once per device when results are written, not per packet: lists and strings are fine here.</remarks>
public static class DeviceApiFields
{
    /// <summary>"N/A": the sensor's word for a firmware field it does not know.</summary>
    public const string NotAvailable = "N/A";

    /// <summary>The evidence attributes reported per device, with their JSON names, in output order.</summary>
    public static IReadOnlyList<(DeviceAttribute Attribute, string Name)> EvidenceAttributes { get; } =
    [
        (DeviceAttribute.Vendor, "vendor"), (DeviceAttribute.Model, "model"), (DeviceAttribute.ProductCode, "productCode"),
        (DeviceAttribute.Firmware, "firmware"), (DeviceAttribute.Serial, "serial"), (DeviceAttribute.Name, "name"),
        (DeviceAttribute.Type, "type"), (DeviceAttribute.PurdueLevel, "purdueLevel"), (DeviceAttribute.OperatingSystem, "operatingSystem"),
        (DeviceAttribute.Description, "description"),
    ];

    /// <summary>The stated name, else the device's primary address.</summary>
    public static string Name(Device device) => device.Evidence.Value(DeviceAttribute.Name) ?? device.PrimaryAddress;

    /// <summary>The classified type, "Unknown" when none (§2.4).</summary>
    public static string Type(Device device) => device.Evidence.Value(DeviceAttribute.Type) ?? "Unknown";

    /// <summary>True for a device that programmed others or is classified as an engineering station.</summary>
    public static bool EngineeringStation(Device device) => device.IsProgrammingDevice || Type(device) == "Engineering Station";

    /// <summary>Protocols the decoders saw the device speak, then those only guessed from ports it used.</summary>
    public static IReadOnlyList<DeviceApiProtocol> Protocols(Device device)
    {
        var list = new List<DeviceApiProtocol>();
        for (int p = 0; p < 64; p++)
        {
            var protocol = (ProtocolId)p;
            bool client = device.IsClientOf(protocol), server = device.IsServerOf(protocol);
            if (!client && !server) continue;
            var addresses = new List<string>();
            foreach (var (addressProtocol, address) in device.ProtocolAddresses)
                if (addressProtocol == protocol) addresses.Add(address.ToString(CultureInfo.InvariantCulture));
            var roles = new List<string>(2);
            if (client) roles.Add(ProtocolDisplayNames.Role(protocol, server: false));
            if (server) roles.Add(ProtocolDisplayNames.Role(protocol, server: true));
            list.Add(new DeviceApiProtocol(p, ProtocolDisplayNames.Get(protocol), ProtocolNames.Get(protocol), addresses, roles,
                EvidenceSources.Decoded, EvidenceConfidence.DecodedProtocol));
        }
        foreach (var label in device.PortServices) AddPortProtocol(list, device, label, server: true);
        foreach (var label in device.PortClients) AddPortProtocol(list, device, label, server: false);
        return list;
    }

    /// <summary>The firmware object, or null when no model, firmware or product code was stated.</summary>
    public static DeviceApiFirmware? Firmware(Device device)
    {
        var e = device.Evidence;
        string? model = e.Value(DeviceAttribute.Model), firmware = e.Value(DeviceAttribute.Firmware), product = e.Value(DeviceAttribute.ProductCode);
        if (model is null && firmware is null && product is null) return null;
        return new DeviceApiFirmware(device.PrimaryAddress, NotAvailable, e.Value(DeviceAttribute.Serial) ?? NotAvailable,
            model ?? product ?? NotAvailable, firmware ?? NotAvailable,
            product is not null && model is not null ? "productCode " + product : NotAvailable, NotAvailable, NotAvailable);
    }

    /// <summary>A protocol guessed from the port (source "port"), unless the decoders saw that protocol on the device.</summary>
    private static void AddPortProtocol(List<DeviceApiProtocol> list, Device device, PortLabel label, bool server)
    {
        if (label.Protocol is { } name && HasDecoded(device, name)) return;
        list.Add(new DeviceApiProtocol(0, label.Description, label.Label, [], [server ? "server" : "client"], EvidenceSources.Port, EvidenceConfidence.Port));
    }

    private static bool HasDecoded(Device d, string protocolName)
    {
        for (int p = 0; p < 64; p++)
            if ((d.IsServerOf((ProtocolId)p) || d.IsClientOf((ProtocolId)p)) && ProtocolNames.Get((ProtocolId)p) == protocolName) return true;
        return false;
    }
}
