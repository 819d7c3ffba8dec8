using Microsoft.AspNetCore.Http;
using OtSensor.Outputs.Store;

namespace OtSensor.Server;

/// <summary>What the endpoints share: the store, the workers, the live hub, the login limiter and the options.</summary>
internal sealed class ServerContext(SensorStore store, string directory, ServerOptions options, CaptureWorker worker, ReportService reports, LiveHub hub, LoginLimiter limiter)
{
    public SensorStore Store => store;
    public string Directory => directory;
    public ServerOptions Options => options;
    public CaptureWorker Worker => worker;
    public ReportService Reports => reports;
    public LiveHub Hub => hub;
    public LoginLimiter Limiter => limiter;
    public ResponseCache Cache { get; } = new();

    /// <summary>Forwarding of stored alerts to the console's targets.</summary>
    public ForwardingService? Forwarding { get; set; }

    /// <summary>Cancelled when the server begins to stop: long-lived responses (the live stream) end then, not at the shutdown timeout.</summary>
    public CancellationToken Stopping { get; set; }

    /// <summary>A file the store recorded (relative path), or null when the path would leave the store's folder.</summary>
    public string? ResolveStoreFile(string relative)
    {
        var root = Path.GetFullPath(directory) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full.StartsWith(root, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>
    /// Checks a user name and password under the login rate limit: true when right; else writes 429 (too many failures
    /// from this client for this user in the last minute) or 401 and returns false.
    /// </summary>
    public async Task<bool> CheckLogin(HttpContext context, string username, string password, string failure = "Credentials validation failed")
    {
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (limiter.IsBlocked(client, username))
        {
            context.Response.Headers.RetryAfter = "60";
            await HttpJson.Error(context, StatusCodes.Status429TooManyRequests, "too many failed logins: try again in a minute").ConfigureAwait(false);
            return false;
        }
        if (username.Length is 0 or > 128 || password.Length is 0 or > 1024 || store.VerifyPassword(username, password) is null)
        {
            limiter.Failed(client, username);
            await HttpJson.Error(context, StatusCodes.Status401Unauthorized, failure).ConfigureAwait(false);
            return false;
        }
        limiter.Succeeded(client, username);
        return true;
    }
}
