using System.Text.Json;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Inventory;

/// <summary>
/// Flows no decoder recognises but whose server port is a known industrial port label the connection and both
/// devices with source "port" and a low confidence, so nothing a port can explain shows as unknown.
/// The captures chosen carry protocols OtSensor has no decoder for (GENISYS, BSAP).
/// </summary>
public sealed class PortLabelTests
{
    [Theory]
    [InlineData("icsnpp-genisys__genisys.pcap", "172.27.0.2", "atg/genisys", "RTU")]  // GENISYS over TCP 10001
    [InlineData("icsnpp-bsap__bsap-ip_example.pcap", "192.168.5.210", "bsap", "RTU")] // Bristol BSAP/IP on UDP 1234
    public void Devices_UndecodedIndustrialPort_LabelledFromThePort(string capture, string server, string label, string type)
    {
        using var run = new InventoryRun(Path.Combine(SharedCaptures.PublicFolder("other"), capture));
        var device = run.Find(server) ?? throw new Xunit.Sdk.XunitException($"{server} is not a device");
        var protocol = device.GetProperty("protocols").EnumerateArray().Single(p => p.GetProperty("protocol").GetString() == label);
        Assert.Equal(("port", 20, "server"), (protocol.GetProperty("source").GetString(), protocol.GetProperty("confidence").GetInt32(), protocol.GetProperty("roles")[0].GetString()));
        Assert.Equal((type, 30), (device.GetProperty("type").GetString(), device.GetProperty("evidence").GetProperty("type").GetProperty("confidence").GetInt32()));

        var connections = run.Connections.RootElement.EnumerateArray()
            .Where(c => c.GetProperty("secondDeviceId").GetInt32() == device.GetProperty("id").GetInt32() || c.GetProperty("firstDeviceId").GetInt32() == device.GetProperty("id").GetInt32()).ToList();
        Assert.NotEmpty(connections);
        Assert.Contains(connections, c => c.GetProperty("protocols").EnumerateArray().Any(p => p.GetProperty("name").GetString() == label && p.GetProperty("source").GetString() == "port"));
        // Its peers were the clients: labelled as such.
        foreach (var c in connections)
        {
            int peerId = c.GetProperty("firstDeviceId").GetInt32() == device.GetProperty("id").GetInt32() ? c.GetProperty("secondDeviceId").GetInt32() : c.GetProperty("firstDeviceId").GetInt32();
            var peer = run.DeviceList.Single(d => d.GetProperty("id").GetInt32() == peerId);
            Assert.Contains(peer.GetProperty("protocols").EnumerateArray(), p => p.GetProperty("protocol").GetString() == label && p.GetProperty("roles")[0].GetString() == "client");
        }
    }

    [Fact]
    public void Connections_DecodedFlow_HaveNoPortGuess()
    {
        using var run = new InventoryRun(RepoPaths.DemoCapture);
        Assert.All(run.Connections.RootElement.EnumerateArray().SelectMany(c => c.GetProperty("protocols").EnumerateArray()),
            p => Assert.Equal(("modbus", "dpi"), (p.GetProperty("name").GetString(), p.GetProperty("source").GetString())));
    }
}
