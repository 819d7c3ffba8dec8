using System.Net;
using OtSensor.Integration.Tests.Conformance;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Inventory;

/// <summary>
/// Issue 5 Must show #1: on every public capture, every address tshark lists as an ICS talker (the truth's
/// <c>talkers</c>: IP addresses, or MACs for layer-2 protocols) is a device in devices.json, and no broadcast or
/// multicast address is. The differences, found on the frames with tshark, are rules rather than a per-capture list:
/// <list type="bullet">
/// <item>0.0.0.0 and 00:00:00:00:00:00 (EtherCAT masters that leave the source unset) are never devices.</item>
/// <item>IPv4 addresses ending in .255 are subnet broadcasts (nDPI bacnet.pcap, icsnpp bacnet_services.pcap send from
/// them); a host owning one becomes a device only by ARP or a packet outside a flow.</item>
/// <item>Layer-2 talkers (MACs) of GOOSE, PROFINET and EtherCAT are devices once a decoder of that family decodes the
/// capture; in a build without it they are listed in the failure message, not counted as missing.</item>
/// <item>Crafted captures that send everything to ff:ff:ff:ff:ff:ff (suricata-verify dnp3, icsnpp bacnet_services)
/// still give devices: only an address that can be a subnet broadcast (.3, .7, ... .127) is held back, until it answers.</item>
/// </list>
/// </summary>
public sealed class TalkerDevicesTests
{
    public static TheoryData<string> AllCaptures()
    {
        var data = new TheoryData<string>();
        var root = SharedCaptures.PublicRoot ?? throw new InvalidOperationException("../shared/pcaps/public not found");
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                     .Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && File.Exists(f + ".tshark.json")).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(AllCaptures))]
    public void Devices_EveryTsharkTalker_IsADeviceAndNoGroupAddressIs(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicRoot!, capture);
        var truth = TsharkTruth.Load(path);
        using var run = new InventoryRun(path);

        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (src, dst, protocol) in truth.Talkers())
        {
            foreach (var address in new[] { src, dst })
            {
                if (IsGroup(address) || IsUnspecified(address)) Assert.Null(run.Find(address));
                else if (run.Find(address) is null && !Explained.Contains((capture, address))) missing.Add($"{address} ({protocol})");
            }
        }
        foreach (var device in run.DeviceList)
        {
            foreach (var ip in device.GetProperty("ipAddresses").EnumerateArray())
                Assert.False(IsGroup(ip.GetString()!), $"{capture}: {ip.GetString()} is a group address but a device");
            foreach (var mac in device.GetProperty("macAddresses").EnumerateArray())
                Assert.False(IsGroup(mac.GetString()!), $"{capture}: {mac.GetString()} is a group MAC but a device");
        }

        Assert.True(missing.Count == 0, $"{capture}: talkers missing from devices.json [{string.Join(", ", missing)}]");
    }

    /// <summary>Talkers tshark lists that are rightly not devices, each with its reason.</summary>
    private static readonly HashSet<(string Capture, string Address)> Explained =
    [
        // The source of an Ethernet frame tunnelled inside an EtherCAT EoE mailbox (an ARP from the device behind the
        // slave): tshark dissects the inner frame and lists its MAC; on this wire it never sends a frame of its own.
        ("ethercat/ethercrab__twincat-akd-nc-mode.pcapng", "02:01:05:30:03:e9"),
    ];

    private static bool IsMac(string address) => address.Length == 17 && address[2] == ':' && address[5] == ':';

    /// <summary>0.0.0.0 and the zero MAC (EtherCAT masters that never set a source): no device, by design.</summary>
    private static bool IsUnspecified(string address) => address is "0.0.0.0" or "00:00:00:00:00:00";

    /// <summary>Multicast/broadcast IPs, group MACs, and IPv4 addresses ending in .255 (subnet broadcasts).</summary>
    private static bool IsGroup(string address)
    {
        if (IPAddress.TryParse(address, out var ip) && address.Contains('.', StringComparison.Ordinal) && !address.Contains(':', StringComparison.Ordinal))
        {
            var b = ip.GetAddressBytes();
            return b[0] >= 224 || b[3] == 255;
        }
        if (address.Contains(':', StringComparison.Ordinal) && address.Length == 17)
            return (Convert.ToByte(address[..2], 16) & 1) != 0;
        return ip is not null && ip.IsIPv6Multicast;
    }

}
