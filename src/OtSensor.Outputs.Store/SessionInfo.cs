namespace OtSensor.Outputs.Store;

/// <summary>A live console session: who, with which role, and the CSRF token its state-changing requests must carry.</summary>
public sealed record SessionInfo(string Username, string Role, string CsrfToken, long Expires);
