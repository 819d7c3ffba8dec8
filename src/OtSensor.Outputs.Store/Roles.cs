namespace OtSensor.Outputs.Store;

/// <summary>The console's roles: administrator, security analyst, read-only.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Analyst = "analyst";
    public const string ReadOnly = "readonly";

    public static bool IsKnown(string? role) => role is Admin or Analyst or ReadOnly;
}
