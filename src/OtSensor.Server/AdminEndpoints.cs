using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OtSensor.Outputs.Store;

namespace OtSensor.Server;

/// <summary>Settings (learning, forwarding targets), API tokens and users. Changes need the admin role (<see cref="AccessControl"/>).</summary>
internal static class AdminEndpoints
{
    private const long MaxLearningWindowSeconds = 366L * 24 * 3600;
    private const string ForwardingKey = "forwarding";
    private const string ForwardingSecretPrefix = "forwarding.secret.";

    public static void Map(IEndpointRouteBuilder app, ServerContext server)
    {
        Routes.Get(app, "/api/console/settings/learning", context => GetLearning(context, server)).WithTags("Settings");
        Routes.Put(app, "/api/console/settings/learning", context => PutLearning(context, server)).WithTags("Settings");
        Routes.Get(app, "/api/console/settings/forwarding", context => GetForwarding(context, server)).WithTags("Settings");
        Routes.Put(app, "/api/console/settings/forwarding", context => PutForwarding(context, server)).WithTags("Settings");
        Routes.Get(app, "/api/console/forwarding", context => server.Forwarding is { } f
            ? HttpJson.Ok(context, f.WriteStatus)
            : HttpJson.Error(context, 503, "forwarding is not running")).WithTags("Settings");
        Routes.Get(app, "/api/console/tokens", context => Tokens(context, server)).WithTags("Settings");
        Routes.Post(app, "/api/console/tokens", context => CreateToken(context, server)).WithTags("Settings");
        Routes.Delete(app, "/api/console/tokens/{id}", context => RevokeToken(context, server, context.Request.RouteValues["id"] as string)).WithTags("Settings");
        Routes.Get(app, "/api/console/users", context => Users(context, server)).WithTags("Settings");
        Routes.Post(app, "/api/console/users", context => CreateUser(context, server)).WithTags("Settings");
        Routes.Delete(app, "/api/console/users/{username}", context => DeleteUser(context, server, context.Request.RouteValues["username"] as string ?? "")).WithTags("Settings");
    }

    private static Task GetLearning(HttpContext context, ServerContext server) => WriteLearning(context, LearningSettings.Load(server.Store));

    private static Task WriteLearning(HttpContext context, LearningSettings settings)
        => HttpJson.Ok(context, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("learning", settings.Learning);
            w.WriteNumber("learningWindowSeconds", settings.LearningWindowSeconds);
            w.WriteEndObject();
        });

    private static async Task PutLearning(HttpContext context, ServerContext server)
    {
        using var body = await HttpJson.ReadBody(context).ConfigureAwait(false);
        if (body is null) return;
        var current = LearningSettings.Load(server.Store);
        bool learning = current.Learning;
        long window = current.LearningWindowSeconds;
        if (body.RootElement.TryGetProperty("learning", out var l))
        {
            if (l.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                await HttpJson.Error(context, 400, "learning must be true or false").ConfigureAwait(false);
                return;
            }
            learning = l.GetBoolean();
        }
        if (body.RootElement.TryGetProperty("learningWindowSeconds", out var s))
        {
            if (s.ValueKind != JsonValueKind.Number || !s.TryGetInt64(out window) || window < 0 || window > MaxLearningWindowSeconds)
            {
                await HttpJson.Error(context, 400, "learningWindowSeconds must be a whole number of seconds from 0 to one year").ConfigureAwait(false);
                return;
            }
        }
        var settings = new LearningSettings(learning, window);
        settings.Save(server.Store);
        await WriteLearning(context, settings).ConfigureAwait(false);
    }

    private static Task GetForwarding(HttpContext context, ServerContext server) => WriteForwarding(context, server);

    private static Task WriteForwarding(HttpContext context, ServerContext server)
    {
        var stored = server.Store.GetSetting(ForwardingKey) ?? "[]";
        using var doc = JsonDocument.Parse(stored);
        var targets = doc.RootElement.Clone();
        return HttpJson.Ok(context, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("targets");
            foreach (var t in targets.EnumerateArray())
            {
                w.WriteStartObject();
                foreach (var p in t.EnumerateObject()) p.WriteTo(w);
                var name = t.GetProperty("name").GetString() ?? "";
                w.WriteBoolean("secretSet", server.Store.GetSetting(ForwardingSecretPrefix + name) is { Length: > 0 });
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Replaces the forwarding targets. A target's <c>secret</c> is kept apart and never returned; a target sent
    /// without one keeps the secret it had.</summary>
    private static async Task PutForwarding(HttpContext context, ServerContext server)
    {
        using var body = await HttpJson.ReadBody(context).ConfigureAwait(false);
        if (body is null) return;
        if (!body.RootElement.TryGetProperty("targets", out var targets) || targets.ValueKind != JsonValueKind.Array || targets.GetArrayLength() > 32)
        {
            await HttpJson.Error(context, 400, "targets must be an array of at most 32 targets").ConfigureAwait(false);
            return;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var t in targets.EnumerateArray())
            {
                string? problem = t.ValueKind != JsonValueKind.Object ? "each target must be an object"
                    : HttpJson.String(t, "kind") is not ("eventhubs" or "syslog") ? "kind must be eventhubs or syslog"
                    : HttpJson.String(t, "name") is not { Length: > 0 and <= 100 } n || !names.Add(n) ? "each target needs a unique name of 1 to 100 characters"
                    : !t.TryGetProperty("enabled", out var e) || e.ValueKind is not (JsonValueKind.True or JsonValueKind.False) ? "enabled must be true or false"
                    : HttpJson.String(t, "endpoint") is not { Length: <= 2048 } ? "endpoint must be a string"
                    : t.TryGetProperty("secret", out var s) && s.ValueKind is not (JsonValueKind.String or JsonValueKind.Null) ? "secret must be a string"
                    : null;
                if (problem is not null)
                {
                    await HttpJson.Error(context, 400, problem).ConfigureAwait(false);
                    return;
                }
                var name = HttpJson.String(t, "name")!;
                if (HttpJson.String(t, "secret") is { } secret) secrets[name] = secret;
                w.WriteStartObject();
                foreach (var p in t.EnumerateObject())
                    if (p.Name is not ("secret" or "secretSet")) p.WriteTo(w);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        server.Store.SetSetting(ForwardingKey, System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        foreach (var (name, secret) in secrets) server.Store.SetSetting(ForwardingSecretPrefix + name, secret);
        if (server.Forwarding is { } forwarding) await forwarding.ReloadAsync().ConfigureAwait(false);
        await WriteForwarding(context, server).ConfigureAwait(false);
    }

    private static Task Tokens(HttpContext context, ServerContext server)
    {
        var tokens = server.Store.GetTokens();
        return HttpJson.Ok(context, w =>
        {
            w.WriteStartArray();
            foreach (var t in tokens)
            {
                w.WriteStartObject();
                w.WriteNumber("id", t.Id);
                w.WriteString("description", t.Description);
                w.WriteString("username", t.Username);
                w.WriteString("role", t.Role);
                w.WriteNumber("created", t.Created);
                HttpJson.WriteNullable(w, "lastUsed", t.LastUsed);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private static async Task CreateToken(HttpContext context, ServerContext server)
    {
        using var body = await HttpJson.ReadBody(context).ConfigureAwait(false);
        if (body is null) return;
        var description = HttpJson.String(body.RootElement, "description");
        if (description is not { Length: > 0 and <= 200 })
        {
            await HttpJson.Error(context, 400, "description must be 1 to 200 characters").ConfigureAwait(false);
            return;
        }
        var role = HttpJson.String(body.RootElement, "role") ?? Roles.Admin;
        if (!Roles.IsKnown(role))
        {
            await HttpJson.Error(context, 400, "role must be admin, analyst or readonly").ConfigureAwait(false);
            return;
        }
        var caller = AccessControl.CallerOf(context)!;
        var (record, token) = server.Store.CreateToken(description, caller.Username, role);
        await HttpJson.Write(context, StatusCodes.Status201Created, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("id", record.Id);
            w.WriteString("description", record.Description);
            w.WriteString("role", record.Role);
            w.WriteNumber("created", record.Created);
            w.WriteString("token", token);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static Task RevokeToken(HttpContext context, ServerContext server, string? idText)
    {
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return HttpJson.Error(context, 400, "the token id must be a number");
        if (!server.Store.RevokeToken(id)) return HttpJson.Error(context, 404, $"token {id} not found");
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static Task Users(HttpContext context, ServerContext server)
    {
        var users = server.Store.GetUsers();
        return HttpJson.Ok(context, w =>
        {
            w.WriteStartArray();
            foreach (var u in users)
            {
                w.WriteStartObject();
                w.WriteString("username", u.Username);
                w.WriteString("role", u.Role);
                w.WriteNumber("created", u.Created);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private static async Task CreateUser(HttpContext context, ServerContext server)
    {
        using var body = await HttpJson.ReadBody(context).ConfigureAwait(false);
        if (body is null) return;
        var username = HttpJson.String(body.RootElement, "username");
        var role = HttpJson.String(body.RootElement, "role");
        var password = HttpJson.String(body.RootElement, "password");
        string? problem = username is not { Length: > 0 and <= 64 } || !username.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            ? "username must be 1 to 64 letters, digits, dots, dashes or underscores"
            : !Roles.IsKnown(role) ? "role must be admin, analyst or readonly"
            : PasswordPolicy.Check(password);
        if (problem is not null)
        {
            await HttpJson.Error(context, 400, problem).ConfigureAwait(false);
            return;
        }
        if (!server.Store.CreateUser(username!, role!, password!))
        {
            await HttpJson.Error(context, 409, $"user '{username}' exists").ConfigureAwait(false);
            return;
        }
        var user = server.Store.GetUser(username!)!;
        await HttpJson.Write(context, StatusCodes.Status201Created, w =>
        {
            w.WriteStartObject();
            w.WriteString("username", user.Username);
            w.WriteString("role", user.Role);
            w.WriteNumber("created", user.Created);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static Task DeleteUser(HttpContext context, ServerContext server, string username)
    {
        var caller = AccessControl.CallerOf(context)!;
        if (string.Equals(caller.Username, username, StringComparison.Ordinal)) return HttpJson.Error(context, 400, "you cannot delete yourself");
        if (!server.Store.DeleteUser(username)) return HttpJson.Error(context, 404, $"user '{HttpJson.Shorten(username)}' not found");
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
