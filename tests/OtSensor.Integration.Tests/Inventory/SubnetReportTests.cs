using System.Text.Json;
using OtSensor.Analysis.Inventory;
using OtSensor.Outputs.Files;

namespace OtSensor.Integration.Tests.Inventory;

/// <summary>Subnets and Purdue levels over the demo plant: PLCs (level 1) in 10.10.10.0/24, HMI, historian and engineering station (level 2) in 10.10.20.0/24.</summary>
public sealed class SubnetReportTests
{
    [Fact]
    public void Create_LearnedSubnets_ControlAndSupervisoryAreSeparateAndEveryConnectionCrosses()
    {
        using var run = new AnalyzeRunner(RepoPaths.DemoCapture);

        var report = SubnetReport.Create(run.Analyzer.Inventory, SubnetPlan.LearnedOnly());

        Assert.Equal(["10.10.10.0/24", "10.10.20.0/24"], report.Subnets.Select(s => s.Subnet.Cidr));
        var control = report.Subnets[0];
        Assert.Equal(3, control.Devices);
        Assert.Equal([1], control.Levels);
        Assert.Equal(0, control.ConnectionsWithin);
        Assert.Equal(report.Connections.Count, control.ConnectionsTo.Values.Sum());
        Assert.All(report.Connections, c => Assert.True(c.CrossesSubnets));
        Assert.All(report.Connections, c => Assert.Equal(1, c.LevelGap));
        Assert.Equal((report.Connections.Count, report.Connections.Count, 0),
            (report.CrossSubnetConnections, report.CrossLevelConnections, report.LevelSkippingConnections));
    }

    [Fact]
    public void Create_ConfiguredPlantSubnet_GathersBothSlash24s()
    {
        using var run = new AnalyzeRunner(RepoPaths.DemoCapture);
        Assert.True(SubnetPlan.TryParse("plant=10.10.0.0/16", out var plan, out _));

        var report = SubnetReport.Create(run.Analyzer.Inventory, plan);

        var plant = Assert.Single(report.Subnets);
        Assert.Equal(("plant", SubnetOrigin.Configured, 6), (plant.Subnet.Name, plant.Subnet.Origin, plant.Devices));
        Assert.Equal([1, 2], plant.Levels);
        Assert.Equal(report.Connections.Count, plant.ConnectionsWithin);
        Assert.Equal(0, report.CrossSubnetConnections);
    }

    [Fact]
    public void Writers_DevicesConnectionsAndSubnetsJson_CarryTheSubnetFields()
    {
        using var run = new AnalyzeRunner(RepoPaths.DemoCapture);
        var plan = SubnetPlan.LearnedOnly();
        var report = SubnetReport.Create(run.Analyzer.Inventory, plan);
        using var devices = new MemoryStream();
        using var connections = new MemoryStream();
        using var subnets = new MemoryStream();

        InventoryJsonWriter.WriteDevices(devices, run.Analyzer.Inventory, plan);
        InventoryJsonWriter.WriteConnections(connections, report);
        SubnetJsonWriter.Write(subnets, report);

        using var deviceJson = JsonDocument.Parse(devices.ToArray());
        var plc = deviceJson.RootElement.EnumerateArray().Single(d => d.GetProperty("ipAddresses")[0].GetString() == "10.10.10.11");
        Assert.Equal("10.10.10.0/24", plc.GetProperty("subnet").GetString());
        using var connectionJson = JsonDocument.Parse(connections.ToArray());
        var first = connectionJson.RootElement[0];
        Assert.True(first.GetProperty("crossSubnet").GetBoolean());
        Assert.Equal(1, first.GetProperty("purdueLevelGap").GetInt32());
        using var subnetJson = JsonDocument.Parse(subnets.ToArray());
        Assert.Equal(report.Connections.Count, subnetJson.RootElement.GetProperty("crossSubnetConnections").GetInt32());
        Assert.Equal("learned", subnetJson.RootElement.GetProperty("subnets")[0].GetProperty("origin").GetString());
    }
}
