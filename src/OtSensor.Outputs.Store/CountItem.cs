namespace OtSensor.Outputs.Store;

/// <summary>A group and how many rows fall in it (dashboard breakdowns).</summary>
public sealed record CountItem(string Key, long Count);
