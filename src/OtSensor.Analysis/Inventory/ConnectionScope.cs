namespace OtSensor.Analysis.Inventory;

/// <summary>Where a connection runs: the subnets and Purdue levels of its two ends.</summary>
/// <param name="Connection">The connection.</param>
/// <param name="FirstSubnet">The first device's subnet; null when it is known only by MAC.</param>
/// <param name="SecondSubnet">The second device's subnet; null when it is known only by MAC.</param>
/// <param name="FirstLevel">The first device's Purdue level; null while unclassified.</param>
/// <param name="SecondLevel">The second device's Purdue level; null while unclassified.</param>
public sealed record ConnectionScope(Connection Connection, Subnet? FirstSubnet, Subnet? SecondSubnet, int? FirstLevel, int? SecondLevel)
{
    /// <summary>Both ends have a subnet and they differ.</summary>
    public bool CrossesSubnets => FirstSubnet is not null && SecondSubnet is not null && !ReferenceEquals(FirstSubnet, SecondSubnet);

    /// <summary>How many Purdue levels apart the two ends are; 0 when either is unclassified.</summary>
    public int LevelGap => FirstLevel is int a && SecondLevel is int b ? Math.Abs(a - b) : 0;
}
