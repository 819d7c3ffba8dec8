namespace OtSensor.Analysis.Inventory;

/// <summary>
/// The plant seen by subnet and Purdue level after a run: each subnet's devices and levels, the connections that stay
/// inside it and those that reach other subnets, and the connections that cross Purdue levels, with those that skip
/// a level (an enterprise host talking straight to a controller, the flat-network finding of a risk assessment).
/// </summary>
public sealed class SubnetReport
{
    private SubnetReport(IReadOnlyList<SubnetSummary> subnets, IReadOnlyList<ConnectionScope> connections)
    {
        Subnets = subnets;
        Connections = connections;
    }

    public IReadOnlyList<SubnetSummary> Subnets { get; }

    /// <summary>Every connection with its subnets and levels, in the inventory's order.</summary>
    public IReadOnlyList<ConnectionScope> Connections { get; }

    public int CrossSubnetConnections => Connections.Count(c => c.CrossesSubnets);
    public int CrossLevelConnections => Connections.Count(c => c.LevelGap > 0);
    public int LevelSkippingConnections => Connections.Count(c => c.LevelGap > 1);

    public static SubnetReport Create(DeviceInventory inventory, SubnetPlan plan)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(plan);
        var summaries = new Dictionary<Subnet, SubnetSummary>();
        SubnetSummary? SummaryOf(Device device)
        {
            var subnet = plan.Of(device);
            if (subnet is null) return null;
            if (!summaries.TryGetValue(subnet, out var summary)) summaries.Add(subnet, summary = new SubnetSummary(subnet));
            return summary;
        }

        foreach (var device in inventory.Devices) SummaryOf(device)?.AddDevice(device);
        var scopes = new List<ConnectionScope>(inventory.Connections.Count);
        foreach (var connection in inventory.Connections)
        {
            var first = SummaryOf(connection.First);
            var second = SummaryOf(connection.Second);
            var scope = new ConnectionScope(connection, first?.Subnet, second?.Subnet, connection.First.PurdueLevel, connection.Second.PurdueLevel);
            scopes.Add(scope);
            if (first is null || second is null) continue;
            if (ReferenceEquals(first, second)) first.ConnectionsWithin++;
            else
            {
                first.AddConnectionTo(second.Subnet);
                second.AddConnectionTo(first.Subnet);
            }
        }
        var ordered = summaries.Values
            .OrderBy(s => s.Subnet.Origin)
            .ThenBy(s => s.Subnet.Network.High).ThenBy(s => s.Subnet.Network.Low)
            .ToList();
        return new SubnetReport(ordered, scopes);
    }
}
