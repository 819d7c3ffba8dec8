using OtSensor.Core.Net;

namespace OtSensor.Analysis.Inventory;

/// <summary>
/// End-of-run merging of devices that are one physical device, whatever order the evidence came in:
/// <list type="bullet">
/// <item>A layer-2-only device (known by its MAC from GOOSE, PROFINET, EtherCAT...) joins the IP device that carries
/// the same MAC: the one bound to it by ARP or an IPv6 link-local source, or else the only IP device carrying it.</item>
/// <item>Several IP addresses are one device (dual addresses, IPv4 + IPv6) only when each was bound to the same MAC by
/// ARP or an IPv6 link-local source, all are private, and there are at most <see cref="MaxDualAddresses"/> of them.
/// A router's MAC carries every off-subnet address routed through it, but those addresses were seen only in IP
/// headers, never in ARP from that MAC, so they stay separate devices; a proxy-ARP router that answers for many
/// addresses exceeds the bound and merges nothing.</item>
/// </list>
/// </summary>
public static class DeviceMerger
{
    /// <summary>More ARP-bound addresses than this on one MAC is a router or proxy ARP, not a dual-address host.</summary>
    public const int MaxDualAddresses = 4;

    /// <summary>Merges in place (merged devices get <see cref="Device.MergedInto"/>); returns how many devices were absorbed.</summary>
    public static int Merge(IReadOnlyList<Device> devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var byMac = new Dictionary<MacAddress, List<Device>>();
        foreach (var d in devices)
        {
            foreach (var mac in d.Macs)
            {
                if (!byMac.TryGetValue(mac, out var list)) byMac[mac] = list = new List<Device>(1);
                list.Add(d);
            }
        }
        int merged = 0;
        foreach (var (mac, list) in byMac)
        {
            if (list.Count < 2) continue;
            var owners = new List<Device>();
            Device? onlyIp = null;
            int ipDevices = 0;
            foreach (var d in list)
            {
                if (!d.HasAddress) continue;
                ipDevices++;
                onlyIp = d;
                if (d.IsAuthoritativeMac(mac) && AllPrivate(d)) owners.Add(d);
            }
            Device? owner = owners.Count > 0 ? owners[0] : ipDevices == 1 ? onlyIp : null;
            if (owner is null) continue;
            if (owners.Count <= MaxDualAddresses)
                for (int i = 1; i < owners.Count; i++) merged += Join(owner, owners[i]);
            foreach (var d in list)
                if (!d.HasAddress) merged += Join(owner, d);
        }
        return merged;
    }

    /// <summary>The device <paramref name="device"/> was merged into, following chains; itself when not merged.</summary>
    public static Device Root(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        while (device.MergedInto is { } next) device = next;
        return device;
    }

    private static int Join(Device into, Device other)
    {
        into = Root(into);
        other = Root(other);
        if (ReferenceEquals(into, other)) return 0;
        into.Absorb(other);
        return 1;
    }

    private static bool AllPrivate(Device d)
    {
        foreach (var a in d.Addresses)
            if (!a.IsPrivate) return false;
        return true;
    }
}
