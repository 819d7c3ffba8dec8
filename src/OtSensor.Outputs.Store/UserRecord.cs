namespace OtSensor.Outputs.Store;

/// <summary>A console user (the password hash stays inside the store).</summary>
public sealed record UserRecord(string Username, string Role, long Created);
