namespace OtSensor.Outputs.Store;

/// <summary>An API token as listed: never the token itself, which only its creator saw once.</summary>
public sealed record TokenRecord(long Id, string Description, string Username, string Role, long Created, long? LastUsed);
