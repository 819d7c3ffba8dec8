namespace OtSensor.Server;

/// <summary>Who made a request: the user and role, and whether by console cookie (then CSRF applies) or API token.</summary>
internal sealed record Caller(string Username, string Role, bool ByCookie, string? CsrfToken, string? Session);
