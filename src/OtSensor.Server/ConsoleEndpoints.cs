using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OtSensor.Outputs.Store;

namespace OtSensor.Server;

/// <summary>
/// The console's endpoints (src/OtSensor.Server/README.md): session login, dashboard, inventory, map, alert triage,
/// events and the live event stream.
/// </summary>
internal static class ConsoleEndpoints
{
    private static readonly string[] Sorts = ["name", "ip", "type", "vendor", "lastSeen", "purdueLevel"];

    public static void Map(IEndpointRouteBuilder app, ServerContext server)
    {
        Routes.Post(app, "/api/console/login", context => Login(context, server)).WithTags("Console");
        Routes.Post(app, "/api/console/logout", context => Logout(context, server)).WithTags("Console");
        Routes.Get(app, "/api/console/me", Me).WithTags("Console");
        Routes.Post(app, "/api/console/password", context => ChangePassword(context, server)).WithTags("Console");
        Routes.Get(app, "/api/console/dashboard", context => Dashboard(context, server)).WithTags("Console");
        Routes.Get(app, "/api/console/devices", context => Devices(context, server)).WithTags("Console")
            .Describe("Devices, paged.", "search:string:name, address, vendor, type or model contains", "type:string:device type", "purdueLevel:integer:0 to 5",
                "protocol:string:protocol name", "sort:string:name, ip, type, vendor, lastSeen or purdueLevel", "order:string:asc or desc", "offset:integer:default 0", "limit:integer:default 100, at most 1000");
        Routes.Get(app, "/api/console/devices/{id}", context => Device(context, server, context.Request.RouteValues["id"] as string)).WithTags("Console");
        Routes.Get(app, "/api/console/map", context => DeviceMap(context, server)).WithTags("Console")
            .Describe("The device map: nodes, edges, subnets.", "protocol:string:only edges carrying this protocol");
        Routes.Get(app, "/api/console/alerts", context => Alerts(context, server)).WithTags("Console")
            .Describe("Alerts, newest first, paged.", "status:string:new, acknowledged, closed or muted", "engine:string:detection engine", "severity:string:Warning, Minor, Major or Critical",
                "search:string:title, message or address contains", "offset:integer:default 0", "limit:integer:default 100, at most 1000");
        Routes.Post(app, "/api/console/alerts/{id}/{action}", context => AlertAction(context, server,
            context.Request.RouteValues["id"] as string, context.Request.RouteValues["action"] as string)).WithTags("Console");
        Routes.Get(app, "/api/console/events", context => Events(context, server)).WithTags("Console")
            .Describe("Timeline events, newest first, paged.", "type:string:event type", "offset:integer:default 0", "limit:integer:default 100, at most 1000");
        Routes.Get(app, "/api/console/live", context => Live(context, server)).WithTags("Console");
    }

    private static async Task Login(HttpContext context, ServerContext server)
    {
        using var body = await HttpJson.ReadBody(context).ConfigureAwait(false);
        if (body is null) return;
        var username = HttpJson.String(body.RootElement, "username") ?? "";
        var password = HttpJson.String(body.RootElement, "password") ?? "";
        if (!await server.CheckLogin(context, username, password, "wrong user name or password").ConfigureAwait(false)) return;
        var user = server.Store.GetUser(username)!;
        var (session, csrf) = server.Store.CreateSession(user.Username, server.Options.SessionLifetime);
        context.Response.Cookies.Append(AccessControl.CookieName, session, new CookieOptions
        {
            HttpOnly = true,
            Secure = !server.Options.PlainHttp,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            MaxAge = server.Options.SessionLifetime,
        });
        await HttpJson.Ok(context, w => Identity(w, user.Username, user.Role, csrf)).ConfigureAwait(false);
    }

    private static Task Logout(HttpContext context, ServerContext server)
    {
        var caller = AccessControl.CallerOf(context)!;
        if (caller.Session is { } session) server.Store.DeleteSession(session);
        context.Response.Cookies.Delete(AccessControl.CookieName, new CookieOptions { Path = "/", Secure = !server.Options.PlainHttp, HttpOnly = true, SameSite = SameSiteMode.Strict });
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static Task Me(HttpContext context)
    {
        var caller = AccessControl.CallerOf(context)!;
        return HttpJson.Ok(context, w => Identity(w, caller.Username, caller.Role, caller.CsrfToken));
    }

    private static void Identity(System.Text.Json.Utf8JsonWriter w, string username, string role, string? csrf)
    {
        w.WriteStartObject();
        w.WriteString("username", username);
        w.WriteString("role", role);
        HttpJson.WriteNullable(w, "csrfToken", csrf);
        w.WriteEndObject();
    }

    private static async Task ChangePassword(HttpContext context, ServerContext server)
    {
        using var body = await HttpJson.ReadBody(context).ConfigureAwait(false);
        if (body is null) return;
        var caller = AccessControl.CallerOf(context)!;
        var current = HttpJson.String(body.RootElement, "currentPassword") ?? "";
        var next = HttpJson.String(body.RootElement, "newPassword");
        if (!await server.CheckLogin(context, caller.Username, current, "the current password is wrong").ConfigureAwait(false)) return;
        if (PasswordPolicy.Check(next) is { } problem)
        {
            await HttpJson.Error(context, 400, problem).ConfigureAwait(false);
            return;
        }
        server.Store.SetPassword(caller.Username, next!, caller.Session);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>The dashboard's protocol rows under their display names (<see cref="ProtocolLabels"/>; <c>protocol</c> keeps
    /// the short name); short names sharing a display name (modbus, umas) are one row: traffic added, the larger device count.</summary>
    private static List<(string Name, string Protocol, long Packets, long Bytes, long Devices)> DisplayUsage(IReadOnlyList<ProtocolUsage> usage)
    {
        var rows = new List<(string Name, string Protocol, long Packets, long Bytes, long Devices)>(usage.Count);
        foreach (var u in usage)
        {
            var name = ProtocolLabels.Display(u.Name);
            int i = rows.FindIndex(r => r.Name == name);
            if (i < 0) rows.Add((name, u.Name, u.Packets, u.Bytes, u.Devices));
            else rows[i] = (name, rows[i].Protocol, rows[i].Packets + u.Packets, rows[i].Bytes + u.Bytes, Math.Max(rows[i].Devices, u.Devices));
        }
        return rows;
    }

    private static Task Dashboard(HttpContext context, ServerContext server)
    {
        var store = server.Store;
        var totals = store.Totals();
        var (byType, byLevel, byEngine, bySeverity) = store.Breakdowns();
        var protocols = DisplayUsage(store.ProtocolUsage());
        var traffic = store.Traffic();
        long packets = traffic.Sum(t => t.Packets), bytes = traffic.Sum(t => t.Bytes);
        return HttpJson.Ok(context, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("totals");
            w.WriteNumber("devices", totals.Devices);
            w.WriteNumber("connections", totals.Connections);
            w.WriteNumber("alerts", totals.Alerts);
            w.WriteNumber("unhandledAlerts", totals.Unhandled);
            w.WriteNumber("packets", packets);
            w.WriteNumber("bytes", bytes);
            w.WriteEndObject();
            Counts(w, "devicesByType", byType);
            Counts(w, "devicesByPurdueLevel", byLevel);
            w.WriteStartArray("protocols");
            foreach (var p in protocols)
            {
                w.WriteStartObject();
                w.WriteString("name", p.Name);
                w.WriteString("protocol", p.Protocol);
                w.WriteNumber("packets", p.Packets);
                w.WriteNumber("bytes", p.Bytes);
                w.WriteNumber("devices", p.Devices);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Counts(w, "alertsByEngine", byEngine);
            Counts(w, "alertsBySeverity", bySeverity);
            w.WriteStartArray("traffic");
            foreach (var t in traffic)
            {
                w.WriteStartObject();
                w.WriteNumber("time", t.Time);
                w.WriteNumber("packets", t.Packets);
                w.WriteNumber("bytes", t.Bytes);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Counts(System.Text.Json.Utf8JsonWriter w, string name, IReadOnlyList<CountItem> counts)
    {
        w.WriteStartObject(name);
        foreach (var c in counts) w.WriteNumber(c.Key, c.Count);
        w.WriteEndObject();
    }

    private static Task Devices(HttpContext context, ServerContext server)
    {
        if (!HttpJson.TryPaging(context, out var offset, out var limit, out var error) || !HttpJson.TryQueryLong(context, "purdueLevel", out var level, out error))
            return HttpJson.Error(context, 400, error!);
        var sort = context.Request.Query["sort"].ToString();
        if (sort.Length > 0 && !Sorts.Contains(sort)) return HttpJson.Error(context, 400, "sort must be one of " + string.Join(", ", Sorts));
        var order = context.Request.Query["order"].ToString();
        if (order.Length > 0 && order is not ("asc" or "desc")) return HttpJson.Error(context, 400, "order must be asc or desc");
        if (level is < 0 or > 5) return HttpJson.Error(context, 400, "purdueLevel must be between 0 and 5");
        var page = server.Store.GetDevices(new DeviceQuery
        {
            Search = Text(context, "search"),
            Type = Text(context, "type"),
            PurdueLevel = (int?)level,
            Protocol = Text(context, "protocol"),
            Sort = sort.Length == 0 ? null : sort,
            Descending = order == "desc",
            Offset = offset,
            Limit = limit,
        });
        return HttpJson.Ok(context, w => ApiObjects.Paged(w, page, (writer, d) => ApiObjects.Device(writer, d, console: true)));
    }

    private static Task Device(HttpContext context, ServerContext server, string? idText)
    {
        if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return HttpJson.Error(context, 400, "the device id must be a number");
        var device = server.Store.GetDevice(id);
        if (device is null) return HttpJson.Error(context, 404, $"no device {id}");
        var connections = server.Store.GetConnections(new ConnectionQuery { DeviceId = id });
        var alerts = server.Store.GetAlerts(new AlertQuery { DeviceId = id, NewestFirst = true, Limit = 200 }).Items;
        var events = new List<EventRecord>();
        var seen = new HashSet<long>();
        foreach (var address in device.IpAddresses.Concat(device.MacAddresses))
            foreach (var e in server.Store.GetEvents(new EventQuery { Address = address, Limit = 200 }).Items)
                if (seen.Add(e.Id)) events.Add(e);
        events.Sort((a, b) => b.Timestamp.CompareTo(a.Timestamp));
        return HttpJson.Ok(context, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("device");
            ApiObjects.Device(w, device, console: true, evidence: true);
            w.WriteStartArray("connections");
            foreach (var c in connections) ApiObjects.Connection(w, c, console: true);
            w.WriteEndArray();
            w.WriteStartArray("alerts");
            foreach (var a in alerts) ApiObjects.Alert(w, a, v2: true, console: true);
            w.WriteEndArray();
            w.WriteStartArray("events");
            foreach (var e in events.Take(200)) ApiObjects.Event(w, e, console: true);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static Task DeviceMap(HttpContext context, ServerContext server)
    {
        var protocol = ProtocolLabels.ShortName(Text(context, "protocol"));
        var devices = server.Store.GetDevices(new DeviceQuery()).Items;
        var connections = server.Store.GetConnections(new ConnectionQuery { Protocol = protocol });
        var subnets = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in devices)
            if (d.Subnet is { } cidr) subnets.TryAdd(cidr, d.SubnetName ?? cidr);
        return HttpJson.Ok(context, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("nodes");
            foreach (var d in devices)
            {
                w.WriteStartObject();
                w.WriteNumber("id", d.Id);
                w.WriteString("name", d.Name);
                HttpJson.WriteNullable(w, "ip", d.IpAddresses.Count > 0 ? d.IpAddresses[0] : null);
                HttpJson.WriteNullable(w, "mac", d.MacAddresses.Count > 0 ? d.MacAddresses[0] : null);
                w.WriteString("type", d.Type);
                HttpJson.WriteNullable(w, "vendor", d.Vendor);
                HttpJson.WriteNullable(w, "purdueLevel", d.PurdueLevel);
                HttpJson.WriteNullable(w, "subnet", d.Subnet);
                w.WriteBoolean("engineeringStation", d.EngineeringStation);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("edges");
            foreach (var c in connections)
            {
                w.WriteStartObject();
                w.WriteNumber("id", c.Id);
                w.WriteNumber("source", c.FirstDeviceId);
                w.WriteNumber("target", c.SecondDeviceId);
                HttpJson.WriteStrings(w, "protocols", c.Protocols.Select(p => ProtocolLabels.Display(p.Name)).Distinct(StringComparer.Ordinal));
                w.WriteNumber("packets", c.Packets);
                w.WriteNumber("bytes", c.Bytes);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("subnets");
            foreach (var (cidr, name) in subnets)
            {
                w.WriteStartObject();
                w.WriteString("cidr", cidr);
                w.WriteString("name", name);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static Task Alerts(HttpContext context, ServerContext server)
    {
        if (!HttpJson.TryPaging(context, out var offset, out var limit, out var error)) return HttpJson.Error(context, 400, error!);
        var status = Text(context, "status");
        if (status is not null && !AlertStatuses.IsKnown(status)) return HttpJson.Error(context, 400, "status must be new, acknowledged, closed or muted");
        var page = server.Store.GetAlerts(new AlertQuery
        {
            Status = status,
            Engine = Text(context, "engine"),
            Severity = Text(context, "severity"),
            Search = Text(context, "search"),
            Offset = offset,
            Limit = limit,
            NewestFirst = true,
        });
        return HttpJson.Ok(context, w => ApiObjects.Paged(w, page, (writer, a) => ApiObjects.Alert(writer, a, v2: true, console: true)));
    }

    private static Task AlertAction(HttpContext context, ServerContext server, string? idText, string? action)
    {
        if (action is not ("acknowledge" or "close" or "mute" or "learn")) return HttpJson.Error(context, 400, "action must be acknowledge, close, mute or learn");
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return HttpJson.Error(context, 400, "the alert id must be a number");
        var alert = server.Store.GetAlert(id);
        if (alert is null) return HttpJson.Error(context, 404, $"alert {id} not found");
        ApplyAction(server, alert, action);
        var updated = server.Store.GetAlert(id)!;
        return HttpJson.Ok(context, w => ApiObjects.Alert(w, updated, v2: true, console: true));
    }

    /// <summary>
    /// A triage action on a stored alert. Learn and mute also reach the detection of the alert's run when it is the last
    /// one played (its analyzer is still in memory): the stored baseline then learns the traffic or mutes the pattern.
    /// </summary>
    internal static void ApplyAction(ServerContext server, AlertRecord alert, string action)
    {
        switch (action)
        {
            case "acknowledge":
                server.Store.SetAlertStatus(alert.Id, AlertStatuses.Acknowledged);
                break;
            case "close":
                server.Store.SetAlertStatus(alert.Id, AlertStatuses.Closed);
                break;
            case "mute":
                server.Store.SetAlertStatus(alert.Id, AlertStatuses.Muted);
                if (server.Store.GetAlertOrigin(alert.Id) is { } muted) server.Worker.ApplyToBaseline(muted.RunId, muted.RunAlertId, learn: false);
                break;
            case "learn":
                server.Store.SetAlertStatus(alert.Id, AlertStatuses.Closed, learned: true);
                if (server.Store.GetAlertOrigin(alert.Id) is { } learned) server.Worker.ApplyToBaseline(learned.RunId, learned.RunAlertId, learn: true);
                break;
        }
    }

    private static Task Events(HttpContext context, ServerContext server)
    {
        if (!HttpJson.TryPaging(context, out var offset, out var limit, out var error)) return HttpJson.Error(context, 400, error!);
        var page = server.Store.GetEvents(new EventQuery { Type = Text(context, "type"), Offset = offset, Limit = limit });
        return HttpJson.Ok(context, w => ApiObjects.Paged(w, page, (writer, e) => ApiObjects.Event(writer, e, console: true)));
    }

    /// <summary>Server-sent events: capture progress, device totals, new alerts, and a heartbeat every 15 s.</summary>
    private static async Task Live(HttpContext context, ServerContext server)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var reader = server.Hub.Subscribe(out var unsubscribe);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, server.Stopping);
        var token = ended.Token;
        try
        {
            await context.Response.WriteAsync(": connected\n\n", token).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(token).ConfigureAwait(false);
            while (!token.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(token);
                wait.CancelAfter(TimeSpan.FromSeconds(15));
                string message;
                try
                {
                    message = await reader.ReadAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    message = "event: heartbeat\ndata: {\"time\":" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "}\n\n";
                }
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(message), token).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
        }
        finally
        {
            unsubscribe();
        }
    }

    private static string? Text(HttpContext context, string name)
    {
        var value = context.Request.Query[name].ToString();
        return value.Length == 0 ? null : value;
    }
}
