using OtSensor.Analysis.Inventory;
using OtSensor.Core.Net;
using OtSensor.TestKit.Pcaps;
using OtSensor.TestKit.Synthetic;

namespace OtSensor.Integration.Tests.Demo;

/// <summary>
/// The bundled demo capture (<c>pcaps/demo/modbus-plant.pcap</c>) is made by <see cref="ModbusDemoPlant"/> and must
/// stay byte-identical to what the generator writes. Regenerate with <c>OTSENSOR_UPDATE_DEMO=1</c> (pcaps/README.md).
/// </summary>
public sealed class DemoCaptureTests
{
    [Fact]
    public void CommittedDemoCapture_IsByteIdenticalToGenerator()
    {
        var generated = PcapWriter.ToArray(LinkType.Ethernet, ModbusDemoPlant.Generate(seed: 1, seconds: 60));
        if (Environment.GetEnvironmentVariable("OTSENSOR_UPDATE_DEMO") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(RepoPaths.DemoCapture)!);
            File.WriteAllBytes(RepoPaths.DemoCapture, generated);
        }
        Assert.Equal(generated, File.ReadAllBytes(RepoPaths.DemoCapture));
    }

    [Fact]
    public void Generator_SameSeedSameBytes_DifferentSeedDifferentBytes()
    {
        var a = PcapWriter.ToArray(LinkType.Ethernet, ModbusDemoPlant.Generate(seed: 7, seconds: 10));
        var b = PcapWriter.ToArray(LinkType.Ethernet, ModbusDemoPlant.Generate(seed: 7, seconds: 10));
        var c = PcapWriter.ToArray(LinkType.Ethernet, ModbusDemoPlant.Generate(seed: 8, seconds: 10));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Analyze_DemoCapture_FindsThePlantAndItsIdentities()
    {
        using var run = new AnalyzeRunner(RepoPaths.DemoCapture);
        var inventory = run.Analyzer.Inventory;
        Assert.Equal(6, inventory.Devices.Count); // HMI, historian, engineering workstation, three PLCs
        Assert.Equal(9, inventory.Connections.Count);
        foreach (var plcAddress in new[] { "10.10.10.11", "10.10.10.12", "10.10.10.13" })
        {
            Assert.True(IPAddressBytes.TryParse(plcAddress, out var address));
            Assert.True(inventory.TryGet(address, out var plc));
            Assert.True(plc!.IsServerOf(Core.Protocols.ProtocolId.Modbus));
            Assert.False(plc.IsClientOf(Core.Protocols.ProtocolId.Modbus));
            var vendor = plc.Evidence[DeviceAttribute.Vendor];
            Assert.True(vendor.HasValue);
            Assert.Equal(("modbus.identity", "modbus 43/14 VendorName (0x00)"), (vendor.Source, vendor.Detail));
            Assert.Single(plc.Macs);
        }
        Assert.True(IPAddressBytes.TryParse("10.10.10.11", out var first));
        inventory.TryGet(first, out var plc1);
        Assert.Equal("Schneider Electric", plc1!.Evidence.Value(DeviceAttribute.Vendor));
        Assert.Equal("BMX P34 2020", plc1.Evidence.Value(DeviceAttribute.ProductCode));
        Assert.Equal("v3.20", plc1.Evidence.Value(DeviceAttribute.Firmware));

        Assert.True(IPAddressBytes.TryParse("10.10.20.50", out var engineering));
        inventory.TryGet(engineering, out var station);
        Assert.True(station!.IsClientOf(Core.Protocols.ProtocolId.Modbus));
        Assert.True(station.HasIssued(Core.Protocols.OtOperation.Write));

        Assert.Equal(0, run.Summary.Anomalies.Where(a => !a.Key.Contains("unsolicited", StringComparison.Ordinal)).Sum(a => a.Value));
        Assert.DoesNotContain(run.Summary.Files, f => f.Error is not null);
    }
}
