namespace OtSensor.Outputs.Store;

/// <summary>The triage states of a stored alert, as the console names them.</summary>
public static class AlertStatuses
{
    public const string New = "new";
    public const string Acknowledged = "acknowledged";
    public const string Closed = "closed";
    public const string Muted = "muted";

    public static bool IsKnown(string? status) => status is New or Acknowledged or Closed or Muted;
}
