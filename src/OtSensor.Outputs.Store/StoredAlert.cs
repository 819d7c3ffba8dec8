namespace OtSensor.Outputs.Store;

/// <summary>An alert as a snapshot left it in the store: its id and its count (all runs that raised it).</summary>
public readonly record struct StoredAlert(long Id, long Count);
