using OtSensor.Analysis.Inventory.Oui;
using OtSensor.Core.Protocols;

namespace OtSensor.Analysis.Inventory.Rules;

/// <summary>
/// End-of-run classification: gathers <see cref="DeviceFacts"/> for every device (roles, operations, identity sources,
/// ports from its connections, the MAC's registered vendor), states the OUI vendor as weak evidence, and sets the
/// device's type and Purdue level from the most confident matching rule, with source "rule" and the rule id as detail.
/// </summary>
public static class DeviceClassifier
{
    private static readonly string[] LevelNames = ["0", "1", "2", "3", "4", "5"];

    // Protocols whose client polls a controller (the "HMI polls many PLCs" count); IT naming protocols are not.
    private static bool IsIndustrial(ProtocolId p) => p is not (ProtocolId.Unknown or ProtocolId.Cotp) && p < ProtocolId.Dhcp;

    public static void Classify(IReadOnlyList<Device> devices, IReadOnlyList<Connection> connections, ClassificationRuleSet rules, OuiRegistry oui)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(oui);
        // A MAC carried by several IP devices is a router's (off-subnet hosts arrive behind it): its vendor says
        // nothing about them. Only a MAC used by one device, or bound by ARP, names the device's card maker.
        var macUse = new Dictionary<ulong, int>();
        foreach (var d in devices)
            foreach (var mac in d.Macs) macUse[mac.Value] = macUse.GetValueOrDefault(mac.Value) + 1;

        var facts = new Dictionary<Device, DeviceFacts>(ReferenceEqualityComparer.Instance);
        foreach (var d in devices)
        {
            var f = FactsOf(d);
            foreach (var mac in d.Macs)
            {
                if (macUse[mac.Value] > 1 && !d.IsAuthoritativeMac(mac)) continue;
                if (oui.Lookup(mac) is { } vendor)
                {
                    f.OuiVendor = vendor;
                    d.Evidence.Set(DeviceAttribute.Vendor, vendor, EvidenceSources.Oui, mac.ToString()[..8], EvidenceConfidence.Oui);
                    break;
                }
            }
            f.Vendor = d.Evidence.Value(DeviceAttribute.Vendor);
            facts[d] = f;
        }

        var polled = new Dictionary<Device, HashSet<Device>>(ReferenceEqualityComparer.Instance);
        foreach (var c in connections)
        {
            if (!facts.TryGetValue(c.First, out var first) || !facts.TryGetValue(c.Second, out var second)) continue;
            foreach (var port in c.Ports)
            {
                first.ClientPorts.Add(port);
                second.ServerPorts.Add(port);
            }
            foreach (var (protocol, _) in c.Protocols)
            {
                if (!IsIndustrial(protocol)) continue;
                // Application roles can run against the transport's (a connection opened from port 502).
                if (c.First.IsClientOf(protocol) && c.Second.IsServerOf(protocol)) Polled(polled, c.First).Add(c.Second);
                if (c.Second.IsClientOf(protocol) && c.First.IsServerOf(protocol)) Polled(polled, c.Second).Add(c.First);
            }
        }

        foreach (var d in devices)
        {
            var f = facts[d];
            f.IcsServersPolled = polled.TryGetValue(d, out var servers) ? servers.Count : 0;
            d.Evidence.Clear(DeviceAttribute.Type);
            d.Evidence.Clear(DeviceAttribute.PurdueLevel);
            var result = rules.Classify(f);
            if (result is null) continue;
            string detail = result.Rule.Id;
            d.Evidence.Set(DeviceAttribute.Type, result.Type, EvidenceSources.Rule, detail, result.Confidence);
            if (result.PurdueLevel is int level and >= 0 and <= 5)
                d.Evidence.Set(DeviceAttribute.PurdueLevel, LevelNames[level], EvidenceSources.Rule, detail, result.Confidence);
        }
    }

    /// <summary>The facts a device carries by itself (roles, operations, identity, addresses); ports and polling come from connections.</summary>
    public static DeviceFacts FactsOf(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var f = new DeviceFacts
        {
            Model = device.Evidence.Value(DeviceAttribute.Model),
            Vendor = device.Evidence.Value(DeviceAttribute.Vendor),
            CipDeviceType = device.CipDeviceType,
            Internet = device.IsInternet,
            Layer2Only = !device.HasAddress,
        };
        for (int p = 0; p < 64; p++)
        {
            var protocol = (ProtocolId)p;
            if (device.IsServerOf(protocol)) f.ServerOf.Add(ProtocolNames.Get(protocol));
            if (device.IsClientOf(protocol)) f.ClientOf.Add(ProtocolNames.Get(protocol));
        }
        for (int o = 1; o < 32; o++)
            if (device.HasIssued((OtOperation)o)) f.Issued.Add(OtOperationNames.Get((OtOperation)o));
        foreach (var label in device.PortServices) f.PortServerOf.Add(label.Label);
        foreach (var label in device.PortClients) f.PortClientOf.Add(label.Label);
        foreach (var (protocol, _) in device.ProtocolAddresses) f.ProtocolAddressOf.Add(ProtocolNames.Get(protocol));
        for (int a = 0; a < (int)DeviceAttribute.Count; a++)
        {
            var e = device.Evidence[(DeviceAttribute)a];
            if (e.HasValue && e.Source.EndsWith(".identity", StringComparison.Ordinal)) f.IdentityFrom.Add(e.Source[..^".identity".Length]);
        }
        return f;
    }

    private static HashSet<Device> Polled(Dictionary<Device, HashSet<Device>> polled, Device client)
    {
        if (!polled.TryGetValue(client, out var set)) polled[client] = set = new HashSet<Device>(ReferenceEqualityComparer.Instance);
        return set;
    }
}
