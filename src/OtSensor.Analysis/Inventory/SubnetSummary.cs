namespace OtSensor.Analysis.Inventory;

/// <summary>One subnet in a <see cref="SubnetReport"/>: its devices, their Purdue levels and its connections.</summary>
public sealed class SubnetSummary
{
    private readonly SortedSet<int> _levels = [];
    private readonly Dictionary<Subnet, int> _connectionsTo = [];

    internal SubnetSummary(Subnet subnet) => Subnet = subnet;

    public Subnet Subnet { get; }
    public int Devices { get; private set; }

    /// <summary>The Purdue levels of its classified devices, lowest first: more than one is a flat segment.</summary>
    public IReadOnlyCollection<int> Levels => _levels;

    public int ConnectionsWithin { get; internal set; }

    /// <summary>Connections from this subnet's devices to each other subnet.</summary>
    public IReadOnlyDictionary<Subnet, int> ConnectionsTo => _connectionsTo;

    internal void AddDevice(Device device)
    {
        Devices++;
        if (device.PurdueLevel is int level) _levels.Add(level);
    }

    internal void AddConnectionTo(Subnet other) => _connectionsTo[other] = _connectionsTo.GetValueOrDefault(other) + 1;
}
