namespace OtSensor.Analysis.Inventory;

/// <summary>Bounds of the inventory: memory grows with devices and connections, never with capture size.</summary>
public sealed record InventoryLimits
{
    public int MaxDevices { get; init; } = 100_000;
    public int MaxConnections { get; init; } = 1_000_000;
}
