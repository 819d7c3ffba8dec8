using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using OtSensor.Outputs.Store;

namespace OtSensor.Server;

/// <summary>
/// Authentication and authorisation for every request (middleware): an API token in the raw <c>Authorization</c> header
/// (sensor-reference §9.0, no "Bearer") or the console session cookie, CSRF for cookie requests that change state,
/// roles (readonly: GET only; users, tokens and settings changes: admin), and the page redirect to the login page.
/// </summary>
internal sealed class AccessControl(SensorStore store)
{
    public const string CookieName = "otsensor-session";
    public const string CsrfHeader = "X-CSRF-Token";
    private const string CallerKey = "otsensor.caller";

    public static Caller? CallerOf(HttpContext context) => context.Items.TryGetValue(CallerKey, out var c) ? c as Caller : null;

    public async Task Invoke(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "/";
        if (IsPublic(path))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        bool api = path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase);
        var caller = Identify(context);
        if (!api)
        {
            // Pages: a browser without a session goes to the login page.
            if (caller is null || !caller.ByCookie)
            {
                context.Response.Redirect("/login.html");
                return;
            }
            context.Items[CallerKey] = caller;
            await next(context).ConfigureAwait(false);
            return;
        }
        if (caller is null)
        {
            await HttpJson.Error(context, StatusCodes.Status401Unauthorized, "authentication required: an API token in the Authorization header or a console session").ConfigureAwait(false);
            return;
        }
        bool reads = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        if (caller.ByCookie && !reads)
        {
            var sent = context.Request.Headers[CsrfHeader].ToString();
            if (sent.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(caller.CsrfToken ?? "")))
            {
                await HttpJson.Error(context, StatusCodes.Status403Forbidden, "missing or wrong X-CSRF-Token header").ConfigureAwait(false);
                return;
            }
        }
        if (Denied(caller.Role, path, reads) is { } reason)
        {
            await HttpJson.Error(context, StatusCodes.Status403Forbidden, reason).ConfigureAwait(false);
            return;
        }
        context.Items[CallerKey] = caller;
        await next(context).ConfigureAwait(false);
    }

    /// <summary>Why <paramref name="role"/> may not make this request, or null when it may.</summary>
    internal static string? Denied(string role, string path, bool reads)
    {
        // Everyone may end their own session and change their own password.
        if (path.Equals("/api/console/logout", StringComparison.OrdinalIgnoreCase) || path.Equals("/api/console/password", StringComparison.OrdinalIgnoreCase))
            return null;
        bool adminOnly = path.StartsWith("/api/console/users", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("/api/console/tokens", StringComparison.OrdinalIgnoreCase)
            || (!reads && path.StartsWith("/api/console/settings", StringComparison.OrdinalIgnoreCase));
        if (adminOnly && role != Roles.Admin) return "this needs the admin role";
        if (!reads && role == Roles.ReadOnly) return "the readonly role cannot change anything";
        return null;
    }

    private Caller? Identify(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length > 0)
        {
            // The sensor's raw token; a "Bearer " prefix is tolerated.
            var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : header.Trim();
            if (token.Length is 0 or > 256) return null;
            var record = store.AuthenticateToken(token);
            return record is null ? null : new Caller(record.Username, record.Role, false, null, null);
        }
        if (context.Request.Cookies.TryGetValue(CookieName, out var session) && session is { Length: > 0 and <= 256 })
        {
            var info = store.GetSession(session);
            return info is null ? null : new Caller(info.Username, info.Role, true, info.CsrfToken, session);
        }
        return null;
    }

    private static bool IsPublic(string path)
        => path.Equals("/health", StringComparison.OrdinalIgnoreCase)
        || path.StartsWith("/openapi/", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/api/console/login", StringComparison.OrdinalIgnoreCase)
        || path.StartsWith("/api/external/authentication/", StringComparison.OrdinalIgnoreCase)
        || path.StartsWith("/external/authentication/", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/login.html", StringComparison.OrdinalIgnoreCase)
        || path.StartsWith("/assets/", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/favicon.ico", StringComparison.OrdinalIgnoreCase);
}
