using System.Text.Json;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Inventory;

/// <summary>
/// What hosts call themselves in the IT naming protocols reaches the inventory, weaker than industrial identity:
/// a DHCP client (still at 0.0.0.0, known by its MAC) names itself, CDP/LLDP switches name themselves.
/// </summary>
public sealed class NamingIdentityTests
{
    [Fact]
    public void Devices_DhcpClientHostName_IsTheDeviceNameFromDhcp()
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicRoot!, "profinet", "icsnpp-profinet-io-cm__profinet_io_cm_mixed_1.pcap"));
        using var devices = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.OutputDirectory, "devices.json")));
        // Two DHCP clients share the flow 0.0.0.0:68 → 255.255.255.255:67; each name goes to the MAC that sent it.
        AssertNamed(devices.RootElement, "e4:11:5b:5a:d9:73", "LT-US-DSWANSON");
        AssertNamed(devices.RootElement, "00:0e:8c:ef:75:c5", "siemens-x208-switch");
    }

    private static void AssertNamed(JsonElement devices, string mac, string hostname)
    {
        var named = devices.EnumerateArray()
            .Where(d => d.GetProperty("macAddresses").EnumerateArray().Any(m => m.GetString() == mac))
            .Where(d => d.GetProperty("evidence").TryGetProperty("name", out var n) && n.GetProperty("value").GetString() == hostname)
            .ToList();
        var device = Assert.Single(named);
        var name = device.GetProperty("evidence").GetProperty("name");
        Assert.Equal("dhcp.identity", name.GetProperty("source").GetString());
        Assert.Equal(70, name.GetProperty("confidence").GetInt32());
        Assert.Equal(hostname, device.GetProperty("name").GetString());
    }
}
