using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OtSensor.Outputs.Reports.Exports;
using OtSensor.Outputs.Store;

namespace OtSensor.Server;

/// <summary>
/// The sensor REST API (sensor-reference §9): inventory (§9.1), alerts and events (§9.2), vulnerability reports (§9.3),
/// the alert PCAP download and the no-version authentication endpoints (§9.4), with the documented paths, query values
/// and field names.
/// </summary>
/// <remarks>
/// "Now" for <c>lastActiveInMinutes</c> and <c>minutesTimeFrame</c> is the newest time the store has seen (capture
/// time): replayed captures are in the past, and the wall clock would match nothing.
/// </remarks>
internal static class SensorApiEndpoints
{
    private const int MaxEventMinutes = 4320;
    private static readonly string[] NewDeviceTypes = ["new-asset-detected"];
    private static readonly string[] DisconnectionTypes = ["device-unresponsive", "modbus-unresponsive"];

    public static void Map(IEndpointRouteBuilder app, ServerContext server)
    {
        Routes.Get(app, "/api/v1/devices", context => Devices(context, server)).WithTags("Sensor API");
        Routes.Get(app, "/api/v1/devices/connections", context => Connections(context, server, null)).WithTags("Sensor API");
        Routes.Get(app, "/api/v1/devices/{deviceId}/connections", context => Connections(context, server, context.Request.RouteValues["deviceId"] as string)).WithTags("Sensor API");
        Routes.Get(app, "/api/v1/devices/cves", context => Cves(context, server, null)).WithTags("Sensor API");
        Routes.Get(app, "/api/v1/devices/{ipAddress}/cves", context => Cves(context, server, context.Request.RouteValues["ipAddress"] as string)).WithTags("Sensor API");
        Routes.Get(app, "/api/v1/alerts", context => Alerts(context, server, v2: false)).WithTags("Sensor API");
        Routes.Get(app, "/api/v2/alerts", context => Alerts(context, server, v2: true)).WithTags("Sensor API");
        Routes.Put(app, "/api/v1/alerts/{uuid}", context => UpdateAlert(context, server, context.Request.RouteValues["uuid"] as string ?? "")).WithTags("Sensor API");
        Routes.Get(app, "/api/v1/events", context => Events(context, server)).WithTags("Sensor API");
        Routes.Get(app, "/api/v1/reports/vulnerabilities/devices", context => Vulnerabilities(context, server, VulnerabilityApiWriter.WriteDevices)).WithTags("Sensor API");
        Routes.Get(app, "/api/v1/reports/vulnerabilities/security", context => Vulnerabilities(context, server, VulnerabilityApiWriter.WriteSecurity)).WithTags("Sensor API");
        Routes.Get(app, "/api/v1/reports/vulnerabilities/operational", context => Vulnerabilities(context, server, VulnerabilityApiWriter.WriteOperational)).WithTags("Sensor API");
        Routes.Get(app, "/api/v1/reports/vulnerabilities/mitigation", context => Vulnerabilities(context, server, VulnerabilityApiWriter.WriteMitigation)).WithTags("Sensor API");
        Routes.Get(app, "/api/v2/alerts/pcap/{id}", context => Pcap(context, server, context.Request.RouteValues["id"] as string)).WithTags("Sensor API");
        foreach (var prefix in new[] { "/api/external/authentication", "/external/authentication" })
        {
            Routes.Post(app, prefix + "/validation", context => Validation(context, server)).WithTags("Authentication");
            Routes.Post(app, prefix + "/set_password", context => SetPassword(context, server)).WithTags("Authentication");
            Routes.Post(app, prefix + "/set_password_by_admin", context => SetPasswordByAdmin(context, server)).WithTags("Authentication");
        }
    }

    private static async Task Devices(HttpContext context, ServerContext server)
    {
        if (!HttpJson.TryQueryBool(context, "authorized", out var authorized, out var error))
        {
            await HttpJson.Error(context, 400, error!).ConfigureAwait(false);
            return;
        }
        // Read the version first: a snapshot landing while the body is built makes this copy stale, never the next one.
        long version = server.Store.InventoryVersion;
        var key = "devices:" + (authorized?.ToString() ?? "all");
        if (!server.Cache.TryGet(key, version, out var body))
        {
            body = server.Store.GetSensorDevicesJson(authorized);
            server.Cache.Set(key, version, body);
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task Connections(HttpContext context, ServerContext server, string? deviceText)
    {
        int? device = null;
        if (deviceText is not null)
        {
            if (!int.TryParse(deviceText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return HttpJson.Error(context, 400, "deviceId must be a device id (a number)");
            if (server.Store.GetDevice(id) is null) return HttpJson.Error(context, 404, $"no device {id}");
            device = id;
        }
        if (!HttpJson.TryQueryLong(context, "discoveredBefore", out var before, out var error)
            || !HttpJson.TryQueryLong(context, "discoveredAfter", out var after, out error)
            || !HttpJson.TryQueryLong(context, "lastActiveInMinutes", out var minutes, out error))
            return HttpJson.Error(context, 400, error!);
        if (minutes < 0) return HttpJson.Error(context, 400, "lastActiveInMinutes must be 0 or more");
        long? since = null;
        if (minutes is long m)
        {
            var all = server.Store.GetConnections(new ConnectionQuery { DeviceId = device });
            long now = all.Count == 0 ? 0 : all.Max(c => c.LastSeen);
            since = now - Math.Min(m, int.MaxValue) * 60_000;
        }
        var list = server.Store.GetConnections(new ConnectionQuery { DeviceId = device, DiscoveredBefore = before, DiscoveredAfter = after, LastSeenSince = since });
        return HttpJson.Ok(context, w =>
        {
            w.WriteStartArray();
            foreach (var c in list) ApiObjects.Connection(w, c);
            w.WriteEndArray();
        });
    }

    private static Task Cves(HttpContext context, ServerContext server, string? address)
    {
        if (!HttpJson.TryQueryLong(context, "top", out var top, out var error)) return HttpJson.Error(context, 400, error!);
        if (top is < 1) return HttpJson.Error(context, 400, "top must be 1 or more");
        int perDevice = (int)Math.Min(top ?? 100, 10_000);
        var model = server.Reports.CurrentModel();
        var addresses = model.Input.Devices.ToDictionary(d => d.Id, d => d.Address);
        if (address is not null && !addresses.ContainsValue(address)) return HttpJson.Error(context, 404, $"no device with address {HttpJson.Shorten(address)}");
        return HttpJson.Ok(context, w =>
        {
            w.WriteStartArray();
            foreach (var (id, found) in model.Vulnerabilities.OrderBy(v => v.Key))
            {
                if (!addresses.TryGetValue(id, out var ip) || (address is not null && ip != address)) continue;
                foreach (var cve in found.Cves.OrderByDescending(c => c.Cvss).Take(perDevice))
                {
                    w.WriteStartObject();
                    w.WriteString("cveId", cve.Cve);
                    w.WriteString("ipAddress", ip);
                    w.WriteString("score", cve.Cvss.ToString("0.0", CultureInfo.InvariantCulture));
                    w.WriteString("attackVector", "Network");
                    w.WriteString("description", cve.Summary);
                    w.WriteEndObject();
                }
            }
            w.WriteEndArray();
        });
    }

    private static Task Alerts(HttpContext context, ServerContext server, bool v2)
    {
        var state = context.Request.Query["state"].ToString();
        if (state.Length > 0 && state is not ("handled" or "unhandled")) return HttpJson.Error(context, 400, "state must be handled or unhandled");
        if (!HttpJson.TryQueryLong(context, "fromTime", out var from, out var error) || !HttpJson.TryQueryLong(context, "toTime", out var to, out error))
            return HttpJson.Error(context, 400, error!);
        // type: the two documented values filter; "other values ignored" (§9.2).
        IReadOnlyList<string>? types = context.Request.Query["type"].ToString().Trim().ToUpperInvariant() switch
        {
            "UNEXPECTED NEW DEVICES" => NewDeviceTypes,
            "DISCONNECTIONS" => DisconnectionTypes,
            _ => null,
        };
        var alerts = server.Store.GetAlerts(new AlertQuery
        {
            Handled = state.Length == 0 ? null : state == "handled",
            FromTime = from,
            ToTime = to,
            Types = types,
        }).Items;
        return HttpJson.Ok(context, w =>
        {
            w.WriteStartArray();
            foreach (var a in alerts) ApiObjects.Alert(w, a, v2, console: false);
            w.WriteEndArray();
        });
    }

    /// <summary>
    /// <c>PUT /api/v1/alerts/{UUID}</c> with <c>{"action": "handle" | "handleAndLearn"}</c>, as the management console
    /// documents it (§9.5): handle closes the alert, handleAndLearn also adds its traffic to the baseline.
    /// </summary>
    private static async Task UpdateAlert(HttpContext context, ServerContext server, string uuid)
    {
        using var body = await HttpJson.ReadBody(context).ConfigureAwait(false);
        if (body is null) return;
        var action = HttpJson.String(body.RootElement, "action");
        if (action is not ("handle" or "handleAndLearn"))
        {
            await HttpJson.Error(context, 400, "Invalid action").ConfigureAwait(false);
            return;
        }
        var dash = uuid.IndexOf('-', StringComparison.Ordinal);
        if (!long.TryParse(dash < 0 ? uuid : uuid[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || server.Store.GetAlert(id) is not { } alert
            || (dash >= 0 && alert.Uuid != uuid))
        {
            await HttpJson.Error(context, 404, "alert not found").ConfigureAwait(false);
            return;
        }
        bool learn = action == "handleAndLearn";
        string message;
        if (alert.Handled && (!learn || alert.Learned)) message = learn ? "Alert was already handled and learned" : "Alert was already handled";
        else
        {
            ConsoleEndpoints.ApplyAction(server, alert, learn ? "learn" : "close");
            message = "Alert update request finished successfully";
        }
        await HttpJson.Ok(context, w =>
        {
            w.WriteStartObject();
            w.WriteString("content", message);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static Task Events(HttpContext context, ServerContext server)
    {
        if (!HttpJson.TryQueryLong(context, "minutesTimeFrame", out var minutes, out var error)) return HttpJson.Error(context, 400, error!);
        if (minutes < 0) return HttpJson.Error(context, 400, "minutesTimeFrame must be 0 or more");
        long? since = null;
        if (minutes is long m && server.Store.LatestEventTime() is long latest) since = latest - Math.Min(m, MaxEventMinutes) * 60_000;
        var type = context.Request.Query["type"].ToString();
        var events = server.Store.GetEvents(new EventQuery { Type = type.Length == 0 ? null : type, Since = since, Limit = 100 }).Items;
        return HttpJson.Ok(context, w =>
        {
            w.WriteStartArray();
            foreach (var e in events) ApiObjects.Event(w, e, console: false);
            w.WriteEndArray();
        });
    }

    private static async Task Vulnerabilities(HttpContext context, ServerContext server, Action<Stream, Outputs.Reports.Model.ReportModel> write)
    {
        var model = server.Reports.CurrentModel();
        using var buffer = new MemoryStream();
        write(buffer, model);
        context.Response.ContentType = "application/json; charset=utf-8";
        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task Pcap(HttpContext context, ServerContext server, string? idText)
    {
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            await HttpJson.Error(context, 400, "the alert id must be a number").ConfigureAwait(false);
            return;
        }
        var alert = server.Store.GetAlert(id);
        if (alert is null)
        {
            await HttpJson.Error(context, 404, $"alert {id} not found").ConfigureAwait(false);
            return;
        }
        var full = alert.PcapPath is null ? null : server.ResolveStoreFile(alert.PcapPath);
        if (full is null || !File.Exists(full))
        {
            await HttpJson.Error(context, 404, $"alert {id} has no PCAP").ConfigureAwait(false);
            return;
        }
        context.Response.ContentType = "application/vnd.tcpdump.pcap";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"alert-{id}.pcap\"";
        await context.Response.SendFileAsync(full, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task Validation(HttpContext context, ServerContext server)
    {
        using var body = await HttpJson.ReadBody(context).ConfigureAwait(false);
        if (body is null) return;
        var user = HttpJson.String(body.RootElement, "username") ?? "";
        var password = HttpJson.String(body.RootElement, "password") ?? "";
        if (!await server.CheckLogin(context, user, password).ConfigureAwait(false)) return;
        await Message(context, 200, "msg", "Authentication succeeded.").ConfigureAwait(false);
    }

    private static async Task SetPassword(HttpContext context, ServerContext server)
    {
        using var body = await HttpJson.ReadBody(context).ConfigureAwait(false);
        if (body is null) return;
        var user = HttpJson.String(body.RootElement, "username") ?? "";
        var password = HttpJson.String(body.RootElement, "password") ?? "";
        var newPassword = HttpJson.String(body.RootElement, "new_password") ?? "";
        if (!await server.CheckLogin(context, user, password, "User authentication failure").ConfigureAwait(false)) return;
        if (PasswordPolicy.Check(newPassword) is { } problem)
        {
            await UserError(context, 400, "Password does not match security policy", problem).ConfigureAwait(false);
            return;
        }
        server.Store.SetPassword(user, newPassword);
        await Message(context, 200, "msg", "Password has been replaced").ConfigureAwait(false);
    }

    private static async Task SetPasswordByAdmin(HttpContext context, ServerContext server)
    {
        using var body = await HttpJson.ReadBody(context).ConfigureAwait(false);
        if (body is null) return;
        var admin = HttpJson.String(body.RootElement, "admin_username") ?? "";
        var adminPassword = HttpJson.String(body.RootElement, "admin_password") ?? "";
        var user = HttpJson.String(body.RootElement, "username") ?? "";
        var newPassword = HttpJson.String(body.RootElement, "new_password") ?? "";
        if (!await server.CheckLogin(context, admin, adminPassword, "User authentication failure").ConfigureAwait(false)) return;
        if (server.Store.GetUser(admin)?.Role != Roles.Admin)
        {
            await UserError(context, 403, "You don't have permission to set passwords of other users", "the admin role is needed").ConfigureAwait(false);
            return;
        }
        if (server.Store.GetUser(user) is null)
        {
            await UserError(context, 404, "User doesn't exist", $"no user '{HttpJson.Shorten(user)}'").ConfigureAwait(false);
            return;
        }
        if (PasswordPolicy.Check(newPassword) is { } problem)
        {
            await UserError(context, 400, "Password does not match security policy", problem).ConfigureAwait(false);
            return;
        }
        server.Store.SetPassword(user, newPassword);
        await Message(context, 200, "msg", "Password has been replaced").ConfigureAwait(false);
    }

    private static Task Message(HttpContext context, int status, string field, string text)
        => HttpJson.Write(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString(field, text);
            w.WriteEndObject();
        });

    /// <summary>The sensor's error body for the password endpoints: <c>{"error": {"userDisplayErrorMessage", "internalSystemErrorMessage"}}</c>.</summary>
    internal static Task UserError(HttpContext context, int status, string display, string internalMessage)
        => HttpJson.Write(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteString("userDisplayErrorMessage", display);
            w.WriteString("internalSystemErrorMessage", internalMessage);
            w.WriteEndObject();
            w.WriteEndObject();
        });
}
